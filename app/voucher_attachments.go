package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Attachments of vouchers: the file dialogs and the files read and written.

// AddAttachment stores a dropped file (its name and its bytes in base64) in the ledger.
func (s *VoucherService) AddAttachment(name, data string) (VoucherAttachment, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherAttachment{}, err
	}
	if base64.StdEncoding.DecodedLen(len(data)) > store.MaxAttachmentSize+3 {
		return VoucherAttachment{}, ledger.Refuse("attachment.too_large", "max", "25 MB")
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return VoucherAttachment{}, ledger.Refuse("attachment.unreadable", "name", name)
	}
	a, err := st.AddAttachment(name, b)
	return voucherAttachmentOf(a), err
}

// ChooseAttachments asks for files with the system's dialog and stores them; none when the
// user cancels.
func (s *VoucherService) ChooseAttachments() ([]VoucherAttachment, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	lang := s.sess.lang()
	paths, err := s.sess.Runtime().OpenFilesDialog(s.sess.cat.T(lang, "dialog.choose_attachments", nil), []FileFilter{
		{Name: s.sess.cat.T(lang, "dialog.attachment_files", nil), Pattern: "*.pdf;*.jpg;*.jpeg;*.png;*.gif;*.webp;*.tif;*.tiff;*.bmp;*.heic;*.doc;*.docx;*.xls;*.xlsx;*.ofd;*.txt"},
		{Name: s.sess.cat.T(lang, "dialog.all_files", nil), Pattern: "*"},
	})
	if err != nil {
		return nil, err
	}
	out := []VoucherAttachment{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return out, ledger.Refuse("attachment.unreadable", "name", filepath.Base(p))
		}
		if fi.Size() > store.MaxAttachmentSize {
			return out, ledger.Refuse("attachment.too_large", "max", "25 MB")
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return out, ledger.Refuse("attachment.unreadable", "name", filepath.Base(p))
		}
		a, err := st.AddAttachment(filepath.Base(p), b)
		if err != nil {
			return out, err
		}
		out = append(out, voucherAttachmentOf(a))
	}
	return out, nil
}

// SaveAttachment writes an attachment where the user chooses with the system's dialog and
// returns that path ("" when the user cancels).
func (s *VoucherService) SaveAttachment(id int64) (string, error) {
	st, err := s.sess.Store()
	if err != nil {
		return "", err
	}
	a, data, err := st.AttachmentData(id)
	if err != nil {
		return "", err
	}
	path, err := s.sess.Runtime().SaveFileDialog(s.sess.cat.T(s.sess.lang(), "dialog.save_attachment", nil), a.Name, nil)
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", ledger.Refuse("attachment.cannot_save", "path", path)
	}
	return path, nil
}

// maxAttachmentPreview bounds what VoucherAttachmentContent sends over the bridge to show inside the app.
const maxAttachmentPreview = 8 << 20

// AttachmentContent returns an attachment's bytes (base64) to show it inside the app: images
// and PDFs up to 8 MB. Anything else is saved with SaveAttachment and opened outside.
func (s *VoucherService) AttachmentContent(id int64) (VoucherAttachmentContent, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherAttachmentContent{}, err
	}
	a, data, err := st.AttachmentData(id)
	if err != nil {
		return VoucherAttachmentContent{}, err
	}
	if len(data) > maxAttachmentPreview || !(strings.HasPrefix(a.Mime, "image/") || a.Mime == "application/pdf") {
		return VoucherAttachmentContent{}, ledger.Refuse("attachment.no_preview", "name", a.Name)
	}
	return VoucherAttachmentContent{ID: a.ID, Name: a.Name, Mime: a.Mime, Base64: base64.StdEncoding.EncodeToString(data)}, nil
}
