package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// makeCmd runs make at the top of the repository, or skips the test when
// make is missing (CI has it: `make test` is how CI runs).
func makeCmd(t *testing.T, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("make"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("make is not on PATH")
		}
		t.Skip("make is not on PATH")
	}
	cmd := exec.Command("make", append([]string{"-s", "-C", "../.."}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("make %v: %v", args, err)
	}
	return string(out)
}

// TestDistFiles pins what `make dist` publishes, without building it: a
// static binary for each of linux, darwin and windows on amd64 and arm64,
// and SHA256SUMS.
func TestDistFiles(t *testing.T) {
	want := []string{
		"dist/ropa-linux-amd64", "dist/ropa-linux-arm64",
		"dist/ropa-darwin-amd64", "dist/ropa-darwin-arm64",
		"dist/ropa-windows-amd64.exe", "dist/ropa-windows-arm64.exe",
		"dist/SHA256SUMS",
	}
	got := strings.Fields(makeCmd(t, "dist-files"))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("make dist-files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// make -n prints the commands without running them: each binary is
	// built static (CGO_ENABLED=0) for its platform, then summed.
	plan := makeCmd(t, "-n", "dist", "VERSION=v9.9.9", "COMMIT=abc123")
	for _, bin := range want[:6] {
		name := strings.TrimSuffix(filepath.Base(bin), ".exe")
		parts := strings.Split(name, "-") // ropa, os, arch
		build := "CGO_ENABLED=0 GOOS=" + parts[1] + " GOARCH=" + parts[2] + " go build -trimpath"
		if !strings.Contains(plan, build) || !strings.Contains(plan, "-o "+bin+" ./cmd/ropa") {
			t.Errorf("make -n dist does not build %s with %q", bin, build)
		}
	}
	if !strings.Contains(plan, "sha256sum ropa-linux-amd64 ") || !strings.Contains(plan, "> SHA256SUMS") {
		t.Error("make -n dist writes no SHA256SUMS")
	}
}

// TestVersionStamp links ropa once with the linker flags make dist uses
// and checks that `ropa version` prints the version and the commit.
func TestVersionStamp(t *testing.T) {
	ldflags := strings.TrimSpace(makeCmd(t, "dist-ldflags", "VERSION=v9.9.9", "COMMIT=abc123"))
	bin := filepath.Join(t.TempDir(), "ropa")
	build := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -ldflags %q: %v\n%s", ldflags, err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "ropa v9.9.9 (commit abc123)\nschema version ") {
		t.Errorf("ropa version printed %q", out)
	}
}
