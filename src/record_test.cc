#include "record.h"

#include <gtest/gtest.h>

#include "cell_summary.h"
#include "run_store.h"
#include "test_util.h"

namespace fhebench {
namespace {

TEST(Record, StatusTextRoundTripsAndUnknownIsAnError) {
  for (Status s : {Status::ok, Status::incorrect, Status::error, Status::timeout, Status::unsupported, Status::partial,
                   Status::missing})
    EXPECT_EQ(status_from_string(to_string(s)), s);
  EXPECT_EQ(status_from_string("bogus"), Status::error);
  EXPECT_EQ((RepId{7, false}).name(), "rep_007");
  EXPECT_EQ((RepId{2, true}).name(), "warmup_2");
}

TEST(Record, JsonRoundTripKeepsEveryField) {
  Record r;
  r.id = {3, false};
  r.status = Status::incorrect;
  r.reason = "1 mismatch";
  r.phases = {{"keygen", 0.5}, {"compile", 2.0}};
  r.measure = Measure{1.5, 1.0, 0.1, 4096, 2048, "rusage", 0, 0};
  r.where = "container:img";
  r.fhe = {{"lwe_n", 630}};
  r.verify = {{"mismatches", 1}, {"precision_bits", 12.5}};
  r.stdout_tail = "out";
  const Json j = to_json(r);
  EXPECT_EQ(to_json(record_from_json(j)), j);
  EXPECT_EQ(j["measure"]["where"], "container:img");
  EXPECT_EQ(*record_from_json(j).precision_bits(), 12.5);
  EXPECT_EQ(record_from_json(Json("garbage")).status, Status::error);  // never throws
}

TEST(CellKey, OrdersAndRoundTrips) {
  const CellKey a{"SEAL", "cardio", "batched", "patients=1"}, b{"SEAL", "cardio", "batched", "patients=64"};
  EXPECT_LT(a, b);
  EXPECT_EQ(cell_key_from_json(to_json(b)), b);
}

TEST(CellSummary, DerivedFieldsComputedOnceAndRoundTrip) {
  CellSummary s;
  s.cell = {"SEAL", "cardio", "batched", "BFV", "seal_cardio_batched", {{"patients", 1}}, "patients=1", ""};
  s.status = Status::partial;
  s.fhe = {{"poly_modulus_degree", 8192}, {"coeff_modulus_bits", {60, 40, 60}}, {"plain_modulus", 65537}};
  const Json j = to_json(s);
  EXPECT_EQ(j["label"], "SEAL/batched");
  EXPECT_EQ(j["fine"], true);
  EXPECT_EQ(j["log_q"], 160);
  EXPECT_EQ(j["parameters"], "n=8192, log q=160, t=65537");
  EXPECT_EQ(to_json(cell_summary_from_json(j)), j);
}

TEST(RunStore, OpensARunByIdOrByFolderAndRefusesOthers) {
  test::TempDir results;
  RunStore store = RunStore::create(results.path());
  store.write_run({{"id", store.id()}, {"matrix", Json::array()}});
  EXPECT_EQ(RunStore::open(results.path(), store.id()).dir(), store.dir());
  EXPECT_EQ(RunStore::open("elsewhere", store.dir().string() + "/").id(), store.id());
  EXPECT_THROW(RunStore::open(results.path(), "../.."), std::runtime_error);
  EXPECT_THROW(RunStore::open(results.path(), "20990101_000000"), std::runtime_error);
}

}  // namespace
}  // namespace fhebench
