// Package cueyaml writes the data of a CUE file as YAML, comments and all,
// for `ropa import --format yaml`: the importer builds readable CUE with a
// TODO(import) comment at every cell it could not read, and a DPO who
// keeps the record in YAML gets the same file in YAML, the comments where
// they were.
package cueyaml

import (
	"bytes"
	"fmt"
	"strings"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"
	yaml "go.yaml.in/yaml/v3"
)

// FromCUE parses CUE source that holds plain data (fields, structs,
// lists and literals, as the importer writes) and returns it as YAML. The
// package clause is dropped; fields declared more than once are merged.
func FromCUE(name string, src []byte) ([]byte, error) {
	f, err := parser.ParseFile(name, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	doc := &yaml.Node{Kind: yaml.MappingNode}
	var head []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.Package, *ast.ImportDecl:
			head = append(head, comments(d)...)
		case *ast.CommentGroup:
			head = append(head, groupLines(d)...)
		case *ast.Field:
			if err := addField(doc, d); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("%s: %T is not plain data", name, d)
		}
	}
	root := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}, HeadComment: strings.Join(head, "\n")}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// addField adds a field to a mapping, merging it into an existing key.
func addField(m *yaml.Node, f *ast.Field) error {
	key, _, err := ast.LabelName(f.Label)
	if err != nil {
		return fmt.Errorf("label: %v", err)
	}
	v, err := value(f.Value)
	if err != nil {
		return fmt.Errorf("%s: %v", key, err)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old := m.Content[i+1]
			if old.Kind != yaml.MappingNode || v.Kind != yaml.MappingNode {
				return fmt.Errorf("%s is given twice", key)
			}
			old.Content = append(old.Content, v.Content...)
			return nil
		}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, HeadComment: strings.Join(comments(f), "\n")}
	m.Content = append(m.Content, k, v)
	return nil
}

// value converts a plain-data expression.
func value(x ast.Expr) (*yaml.Node, error) {
	switch x := x.(type) {
	case *ast.StructLit:
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, e := range x.Elts {
			switch e := e.(type) {
			case *ast.Field:
				if err := addField(m, e); err != nil {
					return nil, err
				}
			case *ast.CommentGroup:
			default:
				return nil, fmt.Errorf("%T is not plain data", e)
			}
		}
		return m, nil
	case *ast.ListLit:
		l := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range x.Elts {
			v, err := value(e)
			if err != nil {
				return nil, err
			}
			v.HeadComment = strings.Join(comments(e), "\n")
			l.Content = append(l.Content, v)
		}
		return l, nil
	case *ast.BasicLit:
		switch x.Kind {
		case token.STRING:
			s, err := literal.Unquote(x.Value)
			if err != nil {
				return nil, err
			}
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}, nil
		case token.INT:
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: x.Value}, nil
		case token.FLOAT:
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: x.Value}, nil
		case token.TRUE, token.FALSE:
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: x.Value}, nil
		case token.NULL:
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
		}
	case *ast.Ident:
		switch x.Name {
		case "true", "false":
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: x.Name}, nil
		case "null":
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
		}
	}
	return nil, fmt.Errorf("%T is not plain data", x)
}

// comments returns the text of the comments attached to n, one line each,
// as YAML comments.
func comments(n ast.Node) []string {
	var out []string
	for _, cg := range ast.Comments(n) {
		out = append(out, groupLines(cg)...)
	}
	return out
}

func groupLines(cg *ast.CommentGroup) []string {
	var out []string
	for _, c := range cg.List {
		out = append(out, "# "+strings.TrimSpace(strings.TrimPrefix(c.Text, "//")))
	}
	return out
}
