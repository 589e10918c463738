package store

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"path/filepath"
	"strings"

	"jiayuan/store/ledger"
)

// MaxAttachmentSize bounds one attachment (a scanned receipt or contract).
const MaxAttachmentSize = 25 << 20

// AttachmentInfo describes a stored attachment without its bytes.
type AttachmentInfo struct {
	ID     int64  `db:"id"`
	SHA256 string `db:"sha256"`
	Name   string `db:"name"`
	Mime   string `db:"mime"`
	Size   int64  `db:"size"`
}

// AddAttachment stores a file inside the ledger, content-addressed: the same bytes stored
// twice are kept once.
func (s *Store) AddAttachment(name string, data []byte) (AttachmentInfo, error) {
	name = filepath.Base(strings.TrimSpace(name))
	if name == "" || name == "." {
		return AttachmentInfo{}, ledger.Refuse("attachment.name_empty")
	}
	if len(data) == 0 {
		return AttachmentInfo{}, ledger.Refuse("attachment.empty")
	}
	if len(data) > MaxAttachmentSize {
		return AttachmentInfo{}, ledger.Refuse("attachment.too_large", "max", "25 MB")
	}
	sum := sha256.Sum256(data)
	info := AttachmentInfo{SHA256: hex.EncodeToString(sum[:]), Name: name, Mime: http.DetectContentType(data), Size: int64(len(data))}
	err := s.write(bg, func(t *Tx) error {
		if err := t.Get(&info.ID, `SELECT id FROM attachments WHERE sha256 = ?`, info.SHA256); err == nil {
			return nil
		}
		var err error
		info.ID, err = t.insertLogged("attachment", `INSERT INTO attachments(sha256, name, mime, size, data, added_at) VALUES (?,?,?,?,?,?)`,
			info.SHA256, info.Name, info.Mime, info.Size, data, t.stamp())
		return err
	})
	return info, err
}

// AttachmentData returns an attachment's bytes.
func (s *Store) AttachmentData(id int64) (AttachmentInfo, []byte, error) {
	var a struct {
		AttachmentInfo
		Data []byte `db:"data"`
	}
	err := s.db.Get(&a, `SELECT id, sha256, name, mime, size, data FROM attachments WHERE id = ?`, id)
	return a.AttachmentInfo, a.Data, notFound(err, "attachment", id)
}

// voucherAttachments lists a voucher's attachments by name.
func voucherAttachments(q querier, voucherID int64) ([]AttachmentInfo, error) {
	var out []AttachmentInfo
	err := q.Select(&out, `SELECT a.id, a.sha256, a.name, a.mime, a.size FROM voucher_attachments va JOIN attachments a ON a.id = va.attachment_id
		WHERE va.voucher_id = ? ORDER BY a.name`, voucherID)
	return out, err
}
