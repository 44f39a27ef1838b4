#include "bgv.hpp"

#include <NTL/ZZ.h>

namespace helibbench {

helib::Ctxt Bgv::encrypt(const std::vector<long>& values) const {
  std::vector<long> padded(slots().size(), 0);
  std::copy(values.begin(), values.end(), padded.begin());
  helib::Ctxt c(public_key());
  slots().encrypt(c, public_key(), padded);
  return c;
}

std::vector<long> Bgv::decrypt(const helib::Ctxt& c, size_t count) const {
  std::vector<long> all;
  slots().decrypt(c, *secret, all);
  all.resize(count);
  return all;
}

Bgv bgv_keygen(fhebench::Program& p, const BgvParameters& params) {
  auto t = p.phase("keygen");
  Bgv bgv;
  bgv.context = std::unique_ptr<helib::Context>(
      helib::ContextBuilder<helib::BGV>().m(params.m).p(params.p).r(1).bits(params.bits).c(params.c).buildPtr());
  bgv.secret = std::make_unique<helib::SecKey>(*bgv.context);
  bgv.secret->GenSecKey();
  if (params.rotations) helib::addSome1DMatrices(*bgv.secret);  // rotations along each slot dimension
  return bgv;
}

void report_helib(fhebench::Program& p, const char* scheme, const helib::Context& ctx, const helib::SecKey& secret,
                  const helib::Ctxt& sample) {
  std::vector<long> bits;
  for (long i : ctx.getCtxtPrimes() | ctx.getSpecialPrimes()) bits.push_back(NTL::NumBits(ctx.ithPrime(i)));
  p.fhe({{"library", "HElib"}, {"library_version", "2.3.0"}, {"scheme", scheme}, {"m", ctx.getM()},
         {"poly_modulus_degree", ctx.getPhiM()}, {"coeff_modulus_bits", bits}, {"slots", ctx.getNSlots()},
         {"helib_security_bits", ctx.securityLevel()}, {"threads_used", 1}});
  const helib::PubKey& public_key = secret;
  p.sizes("public_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) { public_key.writeTo(o); }));
  p.sizes("secret_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) { secret.writeTo(o, true); }));
  p.sizes("ciphertext_bytes", fhebench::serialized_bytes([&](std::ostream& o) { sample.writeTo(o); }));
}

void report_bgv(fhebench::Program& p, const Bgv& bgv, const helib::Ctxt& sample) {
  report_helib(p, "BGV", *bgv.context, *bgv.secret, sample);
  p.fhe({{"plain_modulus", bgv.context->getP()}});
}

}  // namespace helibbench
