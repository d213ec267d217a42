package serve

import "sync"

// broker hands each new generation to every subscriber. A subscriber that
// has not read the last one only gets the newest: a page reloads once,
// whatever number of renders it missed.
type broker struct {
	mu   sync.Mutex
	subs map[chan uint64]struct{}
	done chan struct{}
	once sync.Once
}

func (b *broker) init() {
	b.subs = map[chan uint64]struct{}{}
	b.done = make(chan struct{})
}

// close ends every event stream: the server is shutting down.
func (b *broker) close() { b.once.Do(func() { close(b.done) }) }

// closed is closed when the server shuts down.
func (b *broker) closed() <-chan struct{} { return b.done }

// subscribe returns a channel of generations and the function that ends
// the subscription.
func (b *broker) subscribe() (<-chan uint64, func()) {
	ch := make(chan uint64, 1)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
	}
}

// publish sends gen to every subscriber without blocking, replacing a
// generation the subscriber has not read yet.
func (b *broker) publish(gen uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case <-ch:
		default:
		}
		select {
		case ch <- gen:
		default:
		}
	}
}
