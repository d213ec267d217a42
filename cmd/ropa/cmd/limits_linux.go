package cmd

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// environmentCap is the largest memory ceiling the process's environment
// can honour, 0 when it sets no bound: a third of the address-space limit
// (ulimit -v), since Go reserves address space beyond its heap and a value
// that doubles in one step needs twice what it had; and half of the
// cgroup's memory.max, where the kernel would kill the process outright.
// Past either, the watchdog could not speak before the runtime dies.
func environmentCap() int64 {
	var cap int64
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err == nil && rl.Cur > 0 && rl.Cur < 1<<62 {
		cap = int64(rl.Cur / 3)
	}
	if data, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err == nil && n > 0 {
			if c := n / 2; cap == 0 || c < cap {
				cap = c
			}
		}
	}
	return cap
}
