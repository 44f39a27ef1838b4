// Package program is fhebench protocol v1, implementation side: the Go twin of
// include/fhebench/program.hpp and js/program.
//
//	p := program.FromEnv()                 // reads $FHEBENCH_INPUT, sets GOMAXPROCS
//	age := p.InputU64("age")
//	ageBits := p.FieldBits("age")          // the width the harness declares
//	p.Phase("keygen", func() { ... })      // timed with a monotonic clock
//	p.OutputI64("risk", risk)
//	p.FHE("library", "Lattigo")
//	p.Size("ciphertext_bytes", n)
//	p.Finish()                             // writes $FHEBENCH_OUTPUT atomically
//
// The protocol itself is plain JSON (docs/protocol.md); this package is a convenience.
package program

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"time"
)

type phase struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
}

type input struct {
	Protocol  int                      `json:"protocol"`
	Benchmark string                   `json:"benchmark"`
	Size      map[string]int64         `json:"size"`
	Inputs    map[string][]json.Number `json:"inputs"`
	Fields    map[string]struct {
		Bits *int `json:"bits"`
	} `json:"fields"`
}

type Program struct {
	in         input
	outputPath string
	threads    int
	phases     []phase
	outputs    map[string]any
	fhe        map[string]any
	sizes      map[string]uint64
}

// fail ends a program that cannot run at all (exit status 2).
func fail(err error) {
	fmt.Fprintln(os.Stderr, "fhebench program:", err)
	os.Exit(2)
}

// FromEnv reads $FHEBENCH_INPUT; $FHEBENCH_THREADS (default 1) also sets GOMAXPROCS.
func FromEnv() *Program {
	in, out := os.Getenv("FHEBENCH_INPUT"), os.Getenv("FHEBENCH_OUTPUT")
	if in == "" || out == "" {
		fail(fmt.Errorf("FHEBENCH_INPUT and FHEBENCH_OUTPUT must be set (run me through fhebench)"))
	}
	threads, _ := strconv.Atoi(os.Getenv("FHEBENCH_THREADS"))
	p, err := Open(in, out, threads)
	if err != nil {
		fail(err)
	}
	runtime.GOMAXPROCS(p.threads)
	return p
}

// Open reads an input file; threads below 1 count as 1.
func Open(inputPath, outputPath string, threads int) (*Program, error) {
	data, err := os.ReadFile(inputPath)
	if err != nil {
		return nil, fmt.Errorf("cannot open input: %w", err)
	}
	p := &Program{outputPath: outputPath, threads: max(1, threads),
		outputs: map[string]any{}, fhe: map[string]any{}, sizes: map[string]uint64{}}
	if err := json.Unmarshal(data, &p.in); err != nil {
		return nil, fmt.Errorf("input is not protocol JSON: %w", err)
	}
	if p.in.Protocol != 1 {
		return nil, fmt.Errorf("unsupported protocol version %d", p.in.Protocol)
	}
	return p, nil
}

func (p *Program) Benchmark() string { return p.in.Benchmark }
func (p *Program) Threads() int      { return p.threads }

// SizeOf is a size key such as "patients"; a missing one ends the program.
func (p *Program) SizeOf(key string) int {
	v, ok := p.in.Size[key]
	if !ok {
		fail(fmt.Errorf("input.json has no size %q", key))
	}
	return int(v)
}

func (p *Program) array(name string) []json.Number {
	v, ok := p.in.Inputs[name]
	if !ok {
		fail(fmt.Errorf("input.json has no input %q", name))
	}
	return v
}

// FieldBits is the unsigned width the harness declares for an integer input (input.json
// "fields", docs/protocol.md): cardio's flags are 1 bit, its numbers 8. An undeclared one
// ends the program.
func (p *Program) FieldBits(name string) int {
	bits := p.in.Fields[name].Bits
	if bits == nil {
		fail(fmt.Errorf("input.json declares no width for %q (fields.%s.bits)", name, name))
	}
	return *bits
}

func (p *Program) InputU64(name string) []uint64 {
	var out []uint64
	for _, n := range p.array(name) {
		v, err := strconv.ParseUint(n.String(), 10, 64)
		if err != nil {
			fail(fmt.Errorf("%s: %w", name, err))
		}
		out = append(out, v)
	}
	return out
}

func (p *Program) InputF64(name string) []float64 {
	var out []float64
	for _, n := range p.array(name) {
		v, err := n.Float64()
		if err != nil {
			fail(fmt.Errorf("%s: %w", name, err))
		}
		out = append(out, v)
	}
	return out
}

// Phase times fn as phase name.
func (p *Program) Phase(name string, fn func()) {
	start := time.Now()
	fn()
	p.Record(name, time.Since(start).Seconds())
}

// Record adds seconds to a phase (phases named twice accumulate).
func (p *Program) Record(name string, seconds float64) {
	for i := range p.phases {
		if p.phases[i].Name == name {
			p.phases[i].Seconds += seconds
			return
		}
	}
	p.phases = append(p.phases, phase{name, seconds})
}

func (p *Program) OutputI64(name string, values []int64)   { p.outputs[name] = values }
func (p *Program) OutputF64(name string, values []float64) { p.outputs[name] = values }

// FHE records a parameter: library, library_version, scheme, poly_modulus_degree,
// coeff_modulus_bits, declared_security_bits, ...
func (p *Program) FHE(key string, value any)      { p.fhe[key] = value }
func (p *Program) Size(name string, bytes uint64) { p.sizes[name] = bytes }

func (p *Program) Finish() {
	out := map[string]any{"protocol": 1, "phases": p.phases, "outputs": p.outputs}
	if p.phases == nil {
		out["phases"] = []phase{}
	}
	if len(p.fhe) > 0 {
		out["fhe"] = p.fhe
	}
	if len(p.sizes) > 0 {
		out["sizes"] = p.sizes
	}
	if err := p.write(out); err != nil {
		fail(err)
	}
}

// Unsupported records that the requested size cannot be handled (not a failure) and exits 0.
func (p *Program) Unsupported(reason string) {
	if err := p.write(map[string]any{"protocol": 1, "unsupported": reason}); err != nil {
		fail(err)
	}
	os.Exit(0)
}

// write makes a reader see nothing or the whole file: a temporary, then a rename.
func (p *Program) write(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	tmp := p.outputPath + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p.outputPath)
}
