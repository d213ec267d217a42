//go:build unix

package cmd

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeInterrupt runs `ropa serve` as a person does: it prints the
// address, answers on it, and stops cleanly, exit 0, on Ctrl-C (SIGINT).
func TestServeInterrupt(t *testing.T) {
	data, err := os.ReadFile("../../../examples/minimal/model.cue")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "model.cue"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	code := make(chan int, 1)
	go func() {
		code <- Run([]string{"serve", dir, "--quiet"}, IO{Out: pw, Err: &stderr})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v", err)
	}
	go io.Copy(io.Discard, pr)
	url := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`).FindString(line)
	if url == "" || !strings.HasPrefix(line, "ropa serve: previewing "+dir+" at ") {
		t.Fatalf("printed %q, want the address on 127.0.0.1", line)
	}
	resp, err := http.Get(url + "notice/tenants")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("Privacy notice for tenants")) {
		t.Fatalf("GET /notice/tenants: %d", resp.StatusCode)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit status %d after Ctrl-C; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ropa serve did not stop within 10s of SIGINT")
	}
	if !strings.Contains(stderr.String(), "ropa serve: stopped") {
		t.Errorf("stderr %q does not say it stopped", stderr.String())
	}
}
