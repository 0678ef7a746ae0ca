package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentTypes are the types the server sends, by extension. Pagefind's
// index files (.pf_meta, .pf_index, .pf_fragment, wasm.*.pagefind) are
// gzip streams already, which its script inflates itself; they go out as
// they are, as octet streams.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".xml":         "application/xml",
	".ics":         "text/calendar; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".wasm":        "application/wasm",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".pagefind":    "application/octet-stream",
	".pf_meta":     "application/octet-stream",
	".pf_index":    "application/octet-stream",
	".pf_fragment": "application/octet-stream",
}

// compressed are the extensions the server gzips for a browser that
// accepts gzip, as common static hosts do for text types.
var compressed = map[string]bool{".html": true, ".js": true, ".mjs": true, ".css": true, ".json": true, ".svg": true}

// gzipServer serves the files of a folder, gzipping text types once per
// file and keeping the result. It logs every response with the bytes it
// sent: status line, headers and body.
type gzipServer struct {
	root  fs.FS
	mu    sync.Mutex
	cache map[string][]byte // file name → its gzip stream
	log   []sent
}

// sent is one response in the server's log.
type sent struct {
	path string // URL path without the leading slash
	head int64  // status line and headers
	body int64
}

func newGzipServer(root fs.FS) *gzipServer {
	return &gzipServer{root: root, cache: map[string][]byte{}}
}

func (s *gzipServer) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w := &countingWriter{ResponseWriter: rw}
	defer func() {
		s.mu.Lock()
		w.total()
		s.log = append(s.log, sent{path: strings.TrimPrefix(r.URL.Path, "/"), head: w.head, body: w.body})
		s.mu.Unlock()
	}()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(s.root, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
	}
	data, err := fs.ReadFile(s.root, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ext := path.Ext(name)
	h := w.Header()
	if ct, ok := contentTypes[ext]; ok {
		h.Set("Content-Type", ct)
	} else {
		h.Set("Content-Type", "application/octet-stream")
	}
	if compressed[ext] {
		h.Set("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			data = s.gzipped(name, data)
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}

// mark is the position in the log of the next response.
func (s *gzipServer) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.log)
}

// since returns the responses from a mark on.
func (s *gzipServer) since(mark int) []sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log[mark:])
}

// countingWriter counts what a response sends. The header block is
// counted as net/http writes it for HTTP/1.1: the status line, the
// headers, the Date header it adds, and the blank line.
type countingWriter struct {
	http.ResponseWriter
	status int
	head   int64
	body   int64
}

// dateHeader is the length of "Date: Mon, 02 Jan 2006 15:04:05 GMT\r\n".
const dateHeader = len("Date: ") + len(http.TimeFormat) + 2

func (c *countingWriter) WriteHeader(status int) {
	if c.status != 0 {
		return
	}
	c.status = status
	var n byteCounter
	c.Header().Write(&n)
	c.head = int64(len(fmt.Sprintf("HTTP/1.1 %03d %s\r\n", status, http.StatusText(status)))) + int64(n) + int64(dateHeader) + 2
	c.ResponseWriter.WriteHeader(status)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	n, err := c.ResponseWriter.Write(p)
	c.body += int64(n)
	return n, err
}

func (c *countingWriter) total() int64 {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	return c.head + c.body
}

type byteCounter int

func (n *byteCounter) Write(p []byte) (int, error) {
	*n += byteCounter(len(p))
	return len(p), nil
}

// gzipped returns the gzip stream of a file's data, made once.
func (s *gzipServer) gzipped(name string, data []byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if z, ok := s.cache[name]; ok {
		return z
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	zw.Write(data)
	zw.Close()
	s.cache[name] = b.Bytes()
	return b.Bytes()
}

// acceptsGzip reads an Accept-Encoding header: gzip (or *) without q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		return q > 0
	}
	return false
}

// server is a running gzipServer on 127.0.0.1.
type server struct {
	URL   string // http://127.0.0.1:port
	files *gzipServer
	srv   *http.Server
	err   chan error
}

// serve starts serving root on a free port of 127.0.0.1.
func serve(root fs.FS) (*server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	files := newGzipServer(root)
	s := &server{
		URL:   "http://" + l.Addr().String(),
		files: files,
		srv:   &http.Server{Handler: files, ReadHeaderTimeout: 10 * time.Second},
		err:   make(chan error, 1),
	}
	go func() { s.err <- s.srv.Serve(l) }()
	return s, nil
}

// stop shuts the server down and waits until it has stopped.
func (s *server) stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if serr := <-s.err; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
