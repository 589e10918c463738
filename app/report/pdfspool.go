package report

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

// A page's content stream is compressed when the page is done, but cannot be written into
// the file yet: its "共 N 页" is only known at the end, and one stream per page, the number
// appended, keeps the file as small as gopdf's. So each page's compressed stream is left open
// (a zlib sync flush, no checksum yet) and set aside in a spool: in memory up to spoolMem,
// beyond that in a temporary file in the OS temp folder, removed when the render ends
// however it ends. At the end every page's stream is completed with its number (a last
// deflate block and the checksum over both parts) as it is copied into the PDF.

// spoolMem is how much of the pages' compressed content is kept in memory before the spool
// moves to a temporary file (a variable for the tests).
var spoolMem = 4 << 20

// TempError is a failure to create or write the temporary file in the OS temp folder (a full
// disk, a folder the office PC does not let the user write): the caller tells the user
// which folder, in their language.
type TempError struct {
	Dir string
	Err error
}

func (e *TempError) Error() string { return "temporary folder " + e.Dir + ": " + e.Err.Error() }
func (e *TempError) Unwrap() error { return e.Err }

type spool struct {
	mem  bytes.Buffer
	f    *os.File
	size int64
}

func (s *spool) Write(p []byte) (int, error) {
	if s.f == nil && s.mem.Len()+len(p) > spoolMem {
		f, err := os.CreateTemp("", "jiayuan-pdf-*.tmp")
		if err != nil {
			return 0, &TempError{os.TempDir(), err}
		}
		s.f = f
		if _, err := s.mem.WriteTo(f); err != nil {
			return 0, &TempError{os.TempDir(), err}
		}
		s.mem = bytes.Buffer{} // let its memory go
	}
	var n int
	var err error
	if s.f != nil {
		n, err = s.f.Write(p)
	} else {
		n, err = s.mem.Write(p)
	}
	s.size += int64(n)
	if err != nil && s.f != nil {
		err = &TempError{os.TempDir(), err}
	}
	return n, err
}

// reader reads the spool from its start.
func (s *spool) reader() (io.Reader, error) {
	if s.f == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(s.f, 64<<10), nil
}

// close removes the temporary file, if there is one.
func (s *spool) close() {
	s.mem = bytes.Buffer{}
	if s.f != nil {
		name := s.f.Name()
		s.f.Close()
		os.Remove(name)
		s.f = nil
	}
}

// adler32Update continues a zlib checksum over more data (RFC 1950).
func adler32Update(adler uint32, p []byte) uint32 {
	const mod = 65521
	a, b := adler&0xffff, adler>>16
	for _, c := range p {
		a = (a + uint32(c)) % mod
		b = (b + a) % mod
	}
	return b<<16 | a
}
