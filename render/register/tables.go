package register

import (
	"sync"

	"github.com/ropa-dev/ropa/ropa"
)

// tableCache builds the register's tables of one model at most once each, for
// the files of one build: register.csv, register.xlsx and
// processor-register.csv read the same rows, and `ropa build` writes them
// side by side, so each table is built by whichever asks first and then
// shared. The tables are only read once built.
type tableCache struct {
	controller func() *Table
	processor  func() *Table
	contacts   func() *Table
}

// newTables returns the lazily built tables of m.
func newTables(m *ropa.Model) *tableCache {
	return &tableCache{
		controller: sync.OnceValue(func() *Table { return Controller(m) }),
		processor:  sync.OnceValue(func() *Table { return Processor(m) }),
		contacts:   sync.OnceValue(func() *Table { return Contacts(m) }),
	}
}
