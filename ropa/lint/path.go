package lint

import (
	"fmt"
	"strconv"
)

// sel formats a map key as a path selector. Model keys are restricted to
// [a-z][a-z0-9_-]*, so paths carry them unquoted, as ropa.Positions does.
func sel(key string) string { return key }

// entity is the path of a top-level map entry: field.key.
func entity(field, key string) string { return field + "." + sel(key) }

// index appends a list index to a path.
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// activityPath is the path of an activity.
func activityPath(key string) string { return entity("activities", key) }

// sprintf is fmt.Sprintf.
func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
