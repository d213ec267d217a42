package cmd

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/internal/serve"
)

// ServeOptions are the inputs of `ropa serve`.
type ServeOptions struct {
	// Dir is the model directory.
	Dir string
	// Port is the TCP port on 127.0.0.1; 0 picks a free one.
	Port int
	// Against is a git revision to compare the working model with.
	Against string
	// Quiet suppresses the line logged for each render.
	Quiet bool
}

func newServeCmd(streams IO, runF func(*ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{}
	cmd := &cobra.Command{
		Use:   "serve DIR",
		Short: "Preview the notices and the register in a browser while you edit",
		Long: `Serve renders the model in DIR in memory and serves the privacy notices
and the register on http://127.0.0.1:PORT/ (never on another address), with
the lint findings beside each notice. It prints the address to open.

When a .cue file in DIR is saved, serve renders the model again (50 ms
after the last write) and the open pages reload. When the model no longer
loads, each page shows the problems, each at its file:line:col, above the
last version that rendered. Serve only reads DIR: it writes nothing.

Click a sentence, list item or table row to see where it comes from: the
model fields it states, each at its file:line:col, or the law.

--against REV shows each notice at the git revision REV beside the working
one, and lists the changes between them in the classes of 'ropa diff'
(notify, register, editorial); the statements a change touches are
coloured by its class. REV is read once, when serve starts.

Stop it with Ctrl-C.

Exit status: 0 after Ctrl-C; 2 when the command is used wrongly, DIR is not
a readable directory, the port cannot be opened, or REV cannot be read.

Examples:
  ropa serve privacy
  ropa serve privacy --port 8080
  ropa serve privacy --against main
  ropa serve examples/minimal --against HEAD~1`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runServe(cmd.Context(), opts, streams)
		},
	}
	cmd.Flags().IntVarP(&opts.Port, "port", "p", 0, "TCP `port` on 127.0.0.1 (0: a free port)")
	cmd.Flags().StringVar(&opts.Against, "against", "", "show each notice beside its version at this git `revision`, with the changes classed as 'ropa diff' does")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "do not log each render")
	return cmd
}

func runServe(ctx context.Context, opts *ServeOptions, streams IO) error {
	if opts.Port < 0 || opts.Port > 65535 {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--port: %d is not a TCP port (0 to 65535)", opts.Port)}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	so := serve.Options{Dir: opts.Dir, Against: opts.Against}
	if !opts.Quiet {
		so.Logf = func(format string, args ...any) {
			fmt.Fprintf(streams.Err, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
		}
	}
	s, err := serve.New(so)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.Port)))
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	err = s.Serve(ctx, ln, func(url string) {
		fmt.Fprintf(streams.Out, "ropa serve: previewing %s at %s (Ctrl-C to stop)\n", opts.Dir, url)
	})
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	fmt.Fprintln(streams.Err, "ropa serve: stopped")
	return nil
}
