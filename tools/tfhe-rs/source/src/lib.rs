//! What the tfhe-rs programs share: the thread pool, key generation with its phases, the
//! refusal of sizes that would take too long, and the report of parameters and sizes.
use fhebench_program::{ByteCounter, Program};
use serde::Serialize;
use tfhe::shortint::parameters::PARAM_MESSAGE_2_CARRY_2_KS_PBS_TUNIFORM_2M128 as PARAMS;
use tfhe::{set_server_key, ClientKey, ConfigBuilder, ServerKey};

pub const LIBRARY_VERSION: &str = "1.8.2";
const MAX_MINUTES: f64 = 10.0;

/// Serialized size (bincode, what tfhe-rs's own serialization uses) without keeping the bytes.
pub fn serialized_bytes<T: Serialize>(value: &T) -> u64 {
    let mut counter = ByteCounter::default();
    bincode::serialize_into(&mut counter, value).expect("serializing into a counter cannot fail");
    counter.0
}

/// Refuses the size when `operations` × `ms_each` exceeds 10 minutes, before any key exists.
pub fn refuse_if_too_slow(p: &mut Program, operations: u64, what: &str, ms_each: f64) {
    let minutes = operations as f64 * ms_each / 60_000.0 / p.threads() as f64;
    p.fhe("estimated_minutes", (minutes * 100.0).round() / 100.0);
    if minutes > MAX_MINUTES {
        p.unsupported(&format!(
            "estimated {} minutes: {operations} {what} × {ms_each} ms / {} threads",
            minutes.ceil() as u64,
            p.threads()
        ));
    }
}

/// Key generation with the default parameters of the pinned version (phases keygen.client,
/// keygen.server); the server key is installed for this thread. Returns the client key and
/// the server key's serialized size.
pub fn keygen(p: &mut Program) -> (ClientKey, u64) {
    rayon::ThreadPoolBuilder::new().num_threads(p.threads()).build_global().expect("rayon pool built once");
    let config = ConfigBuilder::default().build();
    let start = std::time::Instant::now();
    let client = p.phase("keygen.client", || ClientKey::generate(config));
    let server = p.phase("keygen.server", || ServerKey::new(&client));
    p.record("keygen", start.elapsed().as_secs_f64());
    let server_bytes = serialized_bytes(&server);
    set_server_key(server);
    report_parameters(p);
    (client, server_bytes)
}

fn report_parameters(p: &mut Program) {
    p.fhe("library", "tfhe-rs");
    p.fhe("library_version", LIBRARY_VERSION);
    p.fhe("scheme", "TFHE");
    p.fhe("parameter_set", "PARAM_MESSAGE_2_CARRY_2_KS_PBS_TUNIFORM_2M128 (ConfigBuilder::default)");
    p.fhe("lwe_dimension", PARAMS.lwe_dimension.0);
    p.fhe("glwe_dimension", PARAMS.glwe_dimension.0);
    p.fhe("polynomial_size", PARAMS.polynomial_size.0);
    p.fhe("pbs_base_log", PARAMS.pbs_base_log.0);
    p.fhe("pbs_level", PARAMS.pbs_level.0);
    p.fhe("ks_base_log", PARAMS.ks_base_log.0);
    p.fhe("ks_level", PARAMS.ks_level.0);
    p.fhe("message_bits", PARAMS.message_modulus.0.ilog2());
    p.fhe("carry_bits", PARAMS.carry_modulus.0.ilog2());
    p.fhe("log2_p_fail", PARAMS.log2_p_fail);
    p.fhe("declared_security_bits", 128);
    p.fhe("security_note", "tfhe-rs declares its default parameter sets 128-bit secure (IND-CPA^D, p-fail <= 2^-128)");
    p.fhe("threads_used", p.threads());
}

/// Sizes: the keys and one encrypted value of the programs' input type.
pub fn report_sizes<T: Serialize>(p: &mut Program, client: &ClientKey, server_bytes: u64, one_value: &T) {
    p.size("server_key_bytes", server_bytes);
    p.size("client_key_bytes", serialized_bytes(client));
    p.size("ciphertext_bytes", serialized_bytes(one_value));
}
