package ropa

// EitherBasisLine is the line the register writes above an activity's
// lawful bases when the activity is marked EitherBasis, and that the
// importer reads back as the mark.
const EitherBasisLine = "One of (undecided):"
