//! fhebench protocol v1, implementation side: the Rust twin of include/fhebench/program.hpp
//! and js/program.
//!
//! ```no_run
//! let mut p = fhebench_program::Program::from_env();   // reads $FHEBENCH_INPUT
//! let age = p.input_u64("age");
//! let age_bits = p.field_bits("age");                  // the width the harness declares
//! let keys = p.phase("keygen", || 42);                  // timed with a monotonic clock
//! p.output_i64("risk", &[keys]);
//! p.fhe("library", "tfhe-rs");
//! p.size("ciphertext_bytes", 1234);
//! p.finish();                                           // writes $FHEBENCH_OUTPUT atomically
//! ```
//! The protocol itself is plain JSON (docs/protocol.md); this crate is a convenience.
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct Program {
    input: Value,
    output_path: PathBuf,
    threads: usize,
    phases: Vec<(String, f64)>,
    outputs: Map<String, Value>,
    fhe: Map<String, Value>,
    sizes: Map<String, Value>,
}

/// A protocol misuse or unreadable input: the program cannot run at all (exit status 2).
fn fail(msg: &str) -> ! {
    eprintln!("fhebench program: {msg}");
    std::process::exit(2);
}

impl Program {
    /// Reads $FHEBENCH_INPUT; $FHEBENCH_THREADS (default 1) is the thread budget.
    pub fn from_env() -> Program {
        let (Some(input), Some(output)) = (std::env::var_os("FHEBENCH_INPUT"), std::env::var_os("FHEBENCH_OUTPUT")) else {
            fail("FHEBENCH_INPUT and FHEBENCH_OUTPUT must be set (run me through fhebench)");
        };
        let threads = std::env::var("FHEBENCH_THREADS").ok().and_then(|t| t.parse().ok()).unwrap_or(1);
        Program::open(Path::new(&input), Path::new(&output), threads).unwrap_or_else(|e| fail(&e))
    }

    pub fn open(input: &Path, output: &Path, threads: usize) -> Result<Program, String> {
        let text = std::fs::read_to_string(input).map_err(|e| format!("cannot open input {}: {e}", input.display()))?;
        let input: Value = serde_json::from_str(&text).map_err(|e| format!("input is not JSON: {e}"))?;
        if input["protocol"] != 1 {
            return Err("unsupported protocol version".into());
        }
        Ok(Program {
            input,
            output_path: output.to_path_buf(),
            threads: threads.max(1),
            phases: Vec::new(),
            outputs: Map::new(),
            fhe: Map::new(),
            sizes: Map::new(),
        })
    }

    pub fn raw(&self) -> &Value { &self.input }
    pub fn benchmark(&self) -> &str { self.input["benchmark"].as_str().unwrap_or("") }
    pub fn threads(&self) -> usize { self.threads }

    /// A size key such as "patients"; exits with a message when it is missing.
    pub fn size_of(&self, key: &str) -> i64 {
        self.input["size"][key].as_i64().unwrap_or_else(|| fail(&format!("input.json has no integer size \"{key}\"")))
    }

    fn array(&self, name: &str) -> &Vec<Value> {
        self.input["inputs"][name].as_array().unwrap_or_else(|| fail(&format!("input.json has no input array \"{name}\"")))
    }
    /// The unsigned width the harness declares for an integer input (input.json "fields",
    /// docs/protocol.md): cardio's flags are 1 bit, its numbers 8. Exits when undeclared.
    pub fn field_bits(&self, name: &str) -> u32 {
        let bits = self.input["fields"][name]["bits"].as_u64().and_then(|b| u32::try_from(b).ok());
        bits.unwrap_or_else(|| fail(&format!("input.json declares no width for \"{name}\" (fields.{name}.bits)")))
    }
    pub fn input_u64(&self, name: &str) -> Vec<u64> {
        self.array(name).iter().map(|v| v.as_u64().unwrap_or_else(|| fail(&format!("{name}: not an unsigned integer: {v}")))).collect()
    }
    pub fn input_i64(&self, name: &str) -> Vec<i64> {
        self.array(name).iter().map(|v| v.as_i64().unwrap_or_else(|| fail(&format!("{name}: not an integer: {v}")))).collect()
    }
    pub fn input_f64(&self, name: &str) -> Vec<f64> {
        self.array(name).iter().map(|v| v.as_f64().unwrap_or_else(|| fail(&format!("{name}: not a number: {v}")))).collect()
    }

    /// Times `f` as phase `name` and returns its result.
    pub fn phase<T>(&mut self, name: &str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = f();
        self.record(name, start.elapsed().as_secs_f64());
        result
    }

    /// Adds seconds to a phase (phases named twice accumulate).
    pub fn record(&mut self, name: &str, seconds: f64) {
        match self.phases.iter_mut().find(|(n, _)| n == name) {
            Some((_, s)) => *s += seconds,
            None => self.phases.push((name.to_string(), seconds)),
        }
    }

    pub fn output_i64(&mut self, name: &str, values: &[i64]) { self.outputs.insert(name.into(), json!(values)); }
    pub fn output_f64(&mut self, name: &str, values: &[f64]) { self.outputs.insert(name.into(), json!(values)); }

    /// FHE parameters: library, library_version, scheme, poly_modulus_degree, coeff_modulus_bits,
    /// declared_security_bits, ... (merged).
    pub fn fhe(&mut self, key: &str, value: impl Into<Value>) { self.fhe.insert(key.into(), value.into()); }
    pub fn size(&mut self, name: &str, bytes: u64) { self.sizes.insert(name.into(), json!(bytes)); }

    pub fn finish(self) {
        let phases: Vec<Value> = self.phases.iter().map(|(n, s)| json!({"name": n, "seconds": s})).collect();
        let mut out = json!({"protocol": 1, "phases": phases, "outputs": self.outputs});
        if !self.fhe.is_empty() { out["fhe"] = Value::Object(self.fhe.clone()); }
        if !self.sizes.is_empty() { out["sizes"] = Value::Object(self.sizes.clone()); }
        self.write(&out).unwrap_or_else(|e| fail(&e));
    }

    /// The requested size cannot be handled: recorded as unsupported, not as a failure.
    pub fn unsupported(&self, reason: &str) -> ! {
        self.write(&json!({"protocol": 1, "unsupported": reason})).unwrap_or_else(|e| fail(&e));
        std::process::exit(0);
    }

    /// A reader of the output sees nothing or the whole file: write a temporary, then rename.
    fn write(&self, v: &Value) -> Result<(), String> {
        let tmp = self.output_path.with_extension("json.tmp");
        std::fs::write(&tmp, format!("{v}\n")).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &self.output_path).map_err(|e| format!("cannot rename {}: {e}", tmp.display()))
    }
}

/// A `Write` that only counts bytes: serialized key sizes without keeping hundreds of MB.
#[derive(Default)]
pub struct ByteCounter(pub u64);

impl Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str, input: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("fhebench-program-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("input.json"), input).unwrap();
        (dir.join("input.json"), dir.join("output.json"))
    }

    #[test]
    fn reads_inputs_and_writes_output() {
        let (i, o) = scratch("ok", r#"{"protocol":1,"benchmark":"cardio","size":{"patients":2},"inputs":{"age":[40,70],"x":[0.5,-1]}}"#);
        let mut p = Program::open(&i, &o, 0).unwrap();
        assert_eq!(p.threads(), 1);
        assert_eq!(p.size_of("patients"), 2);
        assert_eq!(p.input_u64("age"), vec![40, 70]);
        assert_eq!(p.input_f64("x"), vec![0.5, -1.0]);
        let v = p.phase("keygen", || 7);
        p.record("keygen", 1.0);
        p.output_i64("risk", &[v, -1]);
        p.fhe("library", "test");
        p.size("ciphertext_bytes", 99);
        p.finish();
        let out: Value = serde_json::from_str(&std::fs::read_to_string(&o).unwrap()).unwrap();
        assert_eq!(out["protocol"], 1);
        assert_eq!(out["phases"][0]["name"], "keygen");
        assert!(out["phases"][0]["seconds"].as_f64().unwrap() >= 1.0);
        assert_eq!(out["outputs"]["risk"], json!([7, -1]));
        assert_eq!(out["fhe"]["library"], "test");
        assert_eq!(out["sizes"]["ciphertext_bytes"], 99);
        assert!(!o.with_extension("json.tmp").exists());
    }

    #[test]
    fn gives_the_declared_field_widths() {
        let (i, o) = scratch("fields", r#"{"protocol":1,"inputs":{"age":[55]},"fields":{"sex":{"bits":1,"max":1},"age":{"bits":8,"max":120}}}"#);
        let p = Program::open(&i, &o, 1).unwrap();
        assert_eq!((p.field_bits("sex"), p.field_bits("age")), (1, 8));
    }

    #[test]
    fn refuses_other_protocols() {
        let (i, o) = scratch("proto", r#"{"protocol":2}"#);
        assert!(Program::open(&i, &o, 1).is_err());
        assert!(Program::open(Path::new("/nonexistent/input.json"), &o, 1).is_err());
    }

    #[test]
    fn counts_bytes() {
        let mut c = ByteCounter::default();
        c.write_all(&[0u8; 1000]).unwrap();
        write!(c, "abc").unwrap();
        assert_eq!(c.0, 1003);
    }
}
