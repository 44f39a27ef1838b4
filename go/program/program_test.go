package program

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func scratch(t *testing.T, input string) (string, string) {
	dir := t.TempDir()
	in := filepath.Join(dir, "input.json")
	if err := os.WriteFile(in, []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
	return in, filepath.Join(dir, "output.json")
}

func TestReadsInputsAndWritesOutput(t *testing.T) {
	in, out := scratch(t, `{"protocol":1,"benchmark":"cardio","size":{"patients":2},"inputs":{"age":[40,70],"x":[0.5,-1]}}`)
	p, err := Open(in, out, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Threads() != 1 || p.SizeOf("patients") != 2 || p.Benchmark() != "cardio" {
		t.Fatalf("threads %d size %d benchmark %q", p.Threads(), p.SizeOf("patients"), p.Benchmark())
	}
	if age := p.InputU64("age"); len(age) != 2 || age[1] != 70 {
		t.Fatalf("age %v", age)
	}
	if x := p.InputF64("x"); x[0] != 0.5 || x[1] != -1 {
		t.Fatalf("x %v", x)
	}
	p.Phase("keygen", func() {})
	p.Record("keygen", 1)
	p.OutputI64("risk", []int64{7, -1})
	p.FHE("library", "test")
	p.Size("ciphertext_bytes", 99)
	p.Finish()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Protocol int
		Phases   []phase
		Outputs  map[string][]int64
		FHE      map[string]string `json:"fhe"`
		Sizes    map[string]uint64
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Protocol != 1 || len(got.Phases) != 1 || got.Phases[0].Seconds < 1 || got.Outputs["risk"][0] != 7 ||
		got.FHE["library"] != "test" || got.Sizes["ciphertext_bytes"] != 99 {
		t.Fatalf("output %s", data)
	}
	if _, err := os.Stat(out + ".tmp"); !os.IsNotExist(err) {
		t.Fatal("temporary file left behind")
	}
}

func TestRefusesOtherProtocolsAndMissingFiles(t *testing.T) {
	in, out := scratch(t, `{"protocol":2}`)
	if _, err := Open(in, out, 1); err == nil {
		t.Fatal("protocol 2 accepted")
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.json"), out, 1); err == nil {
		t.Fatal("missing input accepted")
	}
	bad, _ := scratch(t, `{"protocol":1,`)
	if _, err := Open(bad, out, 1); err == nil {
		t.Fatal("truncated JSON accepted")
	}
}

func TestFieldBitsAreTheDeclaredWidths(t *testing.T) {
	in, out := scratch(t, `{"protocol":1,"inputs":{"age":[55]},"fields":{"sex":{"bits":1,"max":1},"age":{"bits":8,"max":120}}}`)
	p, err := Open(in, out, 1)
	if err != nil {
		t.Fatal(err)
	}
	if p.FieldBits("sex") != 1 || p.FieldBits("age") != 8 {
		t.Fatalf("sex %d age %d", p.FieldBits("sex"), p.FieldBits("age"))
	}
}

// An undeclared width ends the program (exit 2) with a line naming the field: run in a child.
func TestFieldBitsUndeclaredEndsTheProgram(t *testing.T) {
	if path := os.Getenv("FIELD_BITS_CHILD"); path != "" {
		p, _ := Open(path, path+".out", 1)
		p.FieldBits("hdl")
		return
	}
	in, _ := scratch(t, `{"protocol":1,"inputs":{},"fields":{"age":{"bits":8}}}`)
	cmd := exec.Command(os.Args[0], "-test.run=^TestFieldBitsUndeclaredEndsTheProgram$")
	cmd.Env = append(os.Environ(), "FIELD_BITS_CHILD="+in)
	stderr, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 || !strings.Contains(string(stderr), `no width for "hdl"`) {
		t.Fatalf("err %v, output %s", err, stderr)
	}
}
