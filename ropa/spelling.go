package ropa

import "strings"

// maxHintLen is the longest string Nearest looks for a spelling of. Keys
// are at most 64 characters (the schema's #Key); a longer string is no
// misspelt key, and comparing it costs time in proportion to its length.
const maxHintLen = 128

// Nearest returns the candidate closest to s when it is close enough to be
// a likely misspelling (an edit distance below a third of s's length plus
// one), or "" when none is. Ties go to the earlier candidate. Error
// messages use it for "did you mean" hints.
//
// Its work is bounded: a string longer than maxHintLen gets no hint, a
// candidate whose length alone differs by the distance allowed is skipped
// uncompared, and each comparison stops once the distance reaches the
// best so far, so a call costs at most about len(s) times the allowed
// distance for each candidate.
func Nearest(s string, candidates []string) string {
	if len(s) > maxHintLen {
		return ""
	}
	best, bestD := "", len(s)/3+2
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if d := len(c) - len(s); d >= bestD || -d >= bestD {
			continue
		}
		if d := boundedDistance(ls, strings.ToLower(c), bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b, in bytes.
func EditDistance(a, b string) int {
	return boundedDistance(a, b, len(a)+len(b)+1)
}

// boundedDistance is the Levenshtein distance between a and b when it is
// below limit, and limit otherwise: it stops as soon as every entry of a
// row reaches limit, since the distance can only grow from there.
func boundedDistance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// ComparePos orders positions by file, line and column.
func ComparePos(a, b Pos) int {
	if a.File != b.File {
		return strings.Compare(a.File, b.File)
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}
