package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
)

// childEnv marks the process Main starts to do the work.
const childEnv = "ROPA_SUPERVISED_CHILD"

// The memory watchdog (guardLoad) stops evaluation that grows step by
// step, but one step can ask for more memory than the machine or ulimit -v
// allows: a string repeated from a computed value is one allocation of its
// whole size. The Go runtime then ends the process with "fatal error: out
// of memory" and a dump of every goroutine, which no code in the process
// can intercept. So Main runs ropa as a child process and reads its
// standard error: the child's output passes through unchanged, except that
// a runtime dump is replaced by one clean message and exit status 3. A
// child killed by a signal (the kernel's out-of-memory killer) is reported
// the same way.

// runtimeFatal matches the first line of the Go runtime's report of a
// fatal resource error.
var runtimeFatal = regexp.MustCompile(`^(fatal error: (runtime: )?(out of memory|cannot allocate memory)|runtime: out of memory|runtime: cannot allocate|runtime: program exceeds|fatal error: stack overflow|runtime: goroutine stack exceeds)`)

// allocSize finds the size the runtime could not allocate.
var allocSize = regexp.MustCompile(`cannot allocate (\d+)-byte block`)

// supervise runs this program again as a child with the same arguments and
// returns its exit status; ok is false when the child cannot be started,
// and the caller then does the work itself.
func supervise() (code int, ok bool) {
	exe := "/proc/self/exe"
	if _, err := os.Stat(exe); err != nil {
		if exe, err = os.Executable(); err != nil {
			return 0, false
		}
	}
	child := &exec.Cmd{
		Path:   exe,
		Args:   os.Args,
		Env:    append(os.Environ(), childEnv+"=1"),
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
	}
	stderr, err := child.StderrPipe()
	if err != nil {
		return 0, false
	}
	// An interrupt reaches the child too (it shares the terminal's process
	// group); the parent waits for the child to end rather than leave it.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	if err := child.Start(); err != nil {
		return 0, false
	}
	go func() {
		for s := range sigs {
			_ = child.Process.Signal(s)
		}
	}()
	fatal, size := filterStderr(stderr, os.Stderr)
	err = child.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return ExitOK, true
	case fatal != "":
		msg := "ropa: the model needs more memory than this machine allows, and loading it was stopped"
		if size > 0 {
			msg = fmt.Sprintf("ropa: the model asked for %s in one step, more memory than this machine allows, and loading it was stopped", sizeString(size))
		}
		fmt.Fprintf(os.Stderr, "%s\n    hint: look for strings or lists built by repeating or joining each other; a record of processing needs a few megabytes\n", msg)
		return ExitResource, true
	case errors.As(err, &exit):
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() != syscall.SIGINT && ws.Signal() != syscall.SIGTERM {
			fmt.Fprintf(os.Stderr, "ropa: stopped by signal %v (the system may have run out of memory)\n    hint: lower --max-memory so ropa stops first with a clear message, or give it more memory\n", ws.Signal())
			return ExitResource, true
		}
		return exit.ExitCode(), true
	}
	fmt.Fprintf(os.Stderr, "ropa: %v\n", err)
	return ExitUsage, true
}

// filterStderr copies the child's standard error line by line, until a
// line starts a runtime fatal report; that line and everything after it
// are read and dropped. It returns the first line of the report, if any,
// and the allocation it names.
func filterStderr(r io.Reader, w io.Writer) (fatal string, size int64) {
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if fatal == "" && runtimeFatal.MatchString(line) {
			fatal = strings.TrimSpace(line)
		}
		if fatal == "" {
			_, _ = io.WriteString(w, line)
		} else if size == 0 {
			if m := allocSize.FindStringSubmatch(line); m != nil {
				_, _ = fmt.Sscan(m[1], &size)
			}
		}
		if err != nil {
			return fatal, size
		}
	}
}
