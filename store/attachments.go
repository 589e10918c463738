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
	ID     int64
	SHA256 string
	Name   string
	Mime   string
	Size   int64
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
		if err := t.QueryRow(`SELECT id FROM attachments WHERE sha256 = ?`, info.SHA256).Scan(&info.ID); err == nil {
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
	var a AttachmentInfo
	var data []byte
	err := s.db.QueryRow(`SELECT id, sha256, name, mime, size, data FROM attachments WHERE id = ?`, id).Scan(&a.ID, &a.SHA256, &a.Name, &a.Mime, &a.Size, &data)
	return a, data, notFound(err, "attachment", id)
}

func (s *Store) voucherAttachments(voucherID int64) ([]AttachmentInfo, error) {
	rows, err := s.db.Query(`SELECT a.id, a.sha256, a.name, a.mime, a.size FROM voucher_attachments va JOIN attachments a ON a.id = va.attachment_id
		WHERE va.voucher_id = ? ORDER BY a.name`, voucherID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AttachmentInfo
	for rows.Next() {
		var a AttachmentInfo
		if err := rows.Scan(&a.ID, &a.SHA256, &a.Name, &a.Mime, &a.Size); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
