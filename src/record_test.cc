#include "record.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "atomic_file.h"

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

// One field list: the checked reading names the first member of the wrong type, and the
// tolerant one takes the defaults as before.
TEST(Record, CheckedReadingNamesTheFirstFieldOfTheWrongType) {
  const Json good = {{"repetition", 2}, {"status", "ok"}, {"phases", {{"compute", 1.0}}},
                     {"measure", {{"wall_s", 1.5}, {"peak_rss_bytes", 10}, {"where", "local"}}}};
  std::string wrong = "unset";
  EXPECT_EQ(record_from_json(good, &wrong).id.number, 2);
  EXPECT_EQ(wrong, "");
  const auto wrong_in = [&](const char* key, const Json& value) {
    Json j = good;
    j[Json::json_pointer(key)] = value;
    std::string w;
    record_from_json(j, &w);
    return w;
  };
  EXPECT_EQ(wrong_in("/phases/compute", "fast"), "phases.compute");
  EXPECT_EQ(wrong_in("/status", "fine"), "status");
  EXPECT_EQ(wrong_in("/repetition", -1), "repetition");
  EXPECT_EQ(wrong_in("/measure/peak_rss_bytes", 1.5), "measure.peak_rss_bytes");
  EXPECT_EQ(wrong_in("/measure/where", 7), "measure.where");
  EXPECT_EQ(wrong_in("/stderr_tail", Json::array()), "stderr_tail");
  record_from_json(Json::array(), &wrong);
  EXPECT_EQ(wrong, "not a JSON object");
  Json tolerant = good;
  tolerant["stderr_tail"] = 3;
  EXPECT_FALSE(record_from_json(tolerant).stderr_tail.has_value());
}

TEST(RepId, ParsesExactlyWhatNameWrites) {
  EXPECT_EQ(RepId::parse("rep_007"), (RepId{7, false}));
  EXPECT_EQ(RepId::parse("rep_1234"), (RepId{1234, false}));
  EXPECT_EQ(RepId::parse("warmup_2"), (RepId{2, true}));
  for (const char* other : {"rep_7", "rep_000", "rep_", "rep_001.output", "rep_-01", "warmup_02", "rep_99999999999", "x"})
    EXPECT_FALSE(RepId::parse(other).has_value()) << other;
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

// tfhe-rs names its dimensions as its parameter structs do; the table printed nothing for it.
TEST(CellSummary, TfheRsParametersAreShownLikeTfhes) {
  CellSummary s;
  s.fhe = {{"lwe_dimension", 918}, {"glwe_dimension", 1}, {"polynomial_size", 2048}};
  EXPECT_EQ(s.parameters(), "LWE n=918, TLWE N=2048");
  s.fhe = {{"lwe_n", 630}, {"tlwe_N", 1024}};
  EXPECT_EQ(s.parameters(), "LWE n=630, TLWE N=1024");
}

// Issue 16.4: a hand-edited record with a field of the wrong type is read as an error that
// names the file and the field; the other records of the cell are read as they are, and the
// cell's summary is computed (a type error used to end report/compare/resume/serve with
// [json.exception.type_error.302] from the summary's phase lookup).
TEST(RunStore, ARecordWithAFieldOfTheWrongTypeIsReadAsUnreadable) {
  test::TempDir results;
  RunStore store = RunStore::create(results.path());
  const Cell cell{"SEAL", "cardio", "batched", "BFV", "seal_cardio_batched", {{"patients", 1}}, "patients=1",
                  "cells/SEAL/seal_cardio_batched/patients=1"};
  fs::create_directories(store.cell_dir(cell));
  const Json good = {{"repetition", 1}, {"status", "ok"}, {"correct", true},
                     {"phases", {{"keygen", 0.1}, {"encrypt", 0.1}, {"compute", 1.0}, {"decrypt", 0.1}}},
                     {"measure", {{"wall_s", 1.5}, {"where", "local"}}}};
  store.write_record(cell, record_from_json(good));
  const auto edited = [&](int n, const char* key, const Json& value) {
    Json j = good;
    j["repetition"] = n;
    if (std::string(key).rfind("phases.", 0) == 0) j["phases"][std::string(key).substr(7)] = value;
    else if (std::string(key).rfind("measure.", 0) == 0) j["measure"][std::string(key).substr(8)] = value;
    else j[key] = value;
    write_file_atomic(store.cell_dir(cell) / fmt::format("rep_{:03}.json", n), j.dump());
  };
  edited(2, "phases.compute", "fast");
  edited(3, "status", 3);
  edited(4, "measure.wall_s", "slow");
  edited(5, "correct", "yes");
  write_file_atomic(store.cell_dir(cell) / "rep_006.json", "[1, 2");
  const std::vector<Record> records = store.records(cell);
  ASSERT_EQ(records.size(), 6u);
  EXPECT_EQ(records[0].status, Status::ok);
  const std::vector<std::string> fields = {"phases.compute", "status", "measure.wall_s", "correct", "not a JSON object"};
  for (size_t i = 1; i < records.size(); ++i) {
    const Record& r = records[i];
    EXPECT_EQ(r.status, Status::error) << i;
    EXPECT_NE(r.reason.find(fmt::format("rep_{:03}.json", i + 1)), std::string::npos) << r.reason;
    EXPECT_NE(r.reason.find(fields[i - 1]), std::string::npos) << r.reason;
    EXPECT_EQ(r.reason.find('\n'), std::string::npos) << r.reason;
  }
  EXPECT_EQ(records[5].id.number, 6) << "the number comes from the file name when the content has none";
  const CellSummary s = summarize_cell(cell, records, 6);
  EXPECT_EQ(s.counts.at(Status::ok), 1);
  EXPECT_EQ(s.counts.at(Status::error), 5);
  EXPECT_DOUBLE_EQ(s.phases.at("compute").median, 1.0);
}

Cell test_cell() {
  return {"SEAL", "cardio", "batched", "BFV", "seal_cardio_batched", {{"patients", 1}}, "patients=1",
          "cells/SEAL/seal_cardio_batched/patients=1"};
}

// rep_1.json is not the store's spelling of repetition 1: it used to be read as a second
// repetition 1 beside rep_001.json (which --resume checks for).
TEST(RunStore, AFileNamedLikeARecordButNotSpelledAsOneIsNoRecord) {
  test::TempDir results;
  RunStore store = RunStore::create(results.path());
  const Cell cell = test_cell();
  fs::create_directories(store.cell_dir(cell));
  Record r;
  r.id = {1, false};
  r.status = Status::ok;
  store.write_record(cell, r);
  write_file_atomic(store.cell_dir(cell) / "rep_1.json", to_json(r).dump());
  write_file_atomic(store.cell_dir(cell) / "rep_000.json", to_json(r).dump());
  const auto records = store.records(cell);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status, Status::ok);
}

// A record file that cannot be read at all is not "not a JSON object": the reason says it
// could not be read, and why.
TEST(RunStore, ARecordThatCannotBeReadSaysSoWithTheSystemsReason) {
  test::TempDir results;
  RunStore store = RunStore::create(results.path());
  const Cell cell = test_cell();
  fs::create_directories(store.cell_dir(cell) / "rep_003.json");
  const auto records = store.records(cell);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].id.number, 3);
  EXPECT_EQ(records[0].status, Status::error);
  EXPECT_NE(records[0].reason.find("rep_003.json could not be read (Is a directory)"), std::string::npos) << records[0].reason;
  EXPECT_EQ(records[0].reason.find("JSON"), std::string::npos) << records[0].reason;
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
