#include "slurm_client.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "executor_slurm.h"

namespace fhebench {
namespace {

TEST(SlurmClient, SbatchArgvCarriesEveryOption) {
  SbatchRequest r;
  r.job_name = "fhebench-20261128_160000";
  r.tasks = 5;
  r.minutes = 75;
  r.cpus_per_task = 2;
  r.script = "/res/run/slurm/submit_1.sh";
  r.output = "/res/run/slurm/%A_%a.out";
  r.chdir = "/res/run";
  r.partition = "short";
  r.account = "fhe";
  r.exclusive = true;
  r.extra = {"--qos=low", "--mem=8G"};
  const std::vector<std::string> want = {"sbatch", "--parsable", "--job-name=fhebench-20261128_160000", "--array=0-4",
                                         "--time=75", "--cpus-per-task=2", "--output=/res/run/slurm/%A_%a.out",
                                         "--chdir=/res/run", "--partition=short", "--account=fhe", "--exclusive",
                                         "--qos=low", "--mem=8G", "/res/run/slurm/submit_1.sh"};
  EXPECT_EQ(sbatch_argv(r), want);
  r.partition.clear();
  r.account.clear();
  r.exclusive = false;
  r.extra.clear();
  EXPECT_EQ(sbatch_argv(r).size(), want.size() - 5);
}

TEST(SlurmClient, ParsesSqueueArrayTasks) {
  const auto tasks = parse_squeue("12_0|COMPLETED|vm|None\n12_3|RUNNING|node7|None\n12_4|PENDING||Resources\n"
                                  "12_[5-9]|PENDING||Priority\n13|CANCELLED by 0|vm|None\n");
  ASSERT_EQ(tasks.size(), 4u) << "a range that -r did not split is skipped";
  EXPECT_EQ(tasks[1].task, 3);
  EXPECT_EQ(tasks[1].state, "RUNNING");
  EXPECT_EQ(tasks[1].node, "node7");
  EXPECT_EQ(tasks[2].reason, "Resources");
  EXPECT_EQ(tasks[0].reason, "");
  EXPECT_EQ(tasks[3].task, 0) << "a job that is not an array is task 0";
  EXPECT_TRUE(is_terminal(tasks[3].state));
  EXPECT_TRUE(is_terminal("TIMEOUT"));
  EXPECT_FALSE(is_terminal("RUNNING"));
  EXPECT_FALSE(is_terminal("COMPLETING"));
}

TEST(SlurmClient, TimeLimitCoversEveryRunOfEveryCell) {
  // 900 s timeout, 10 + 1 runs, one cell: 9900 s + 600 s margin = 175 min.
  EXPECT_EQ(time_limit_minutes(900, 11, 1), 175);
  EXPECT_EQ(time_limit_minutes(900, 11, 4), 4 * 165 + 10);
  EXPECT_EQ(time_limit_minutes(0.5, 1, 1), 11);
}

TEST(SlurmClient, GroupsTasksPerCellOrPerTool) {
  std::vector<Cell> cells(5);
  const char* tools[] = {"Plaintext", "SEAL", "Plaintext", "SEAL", "OpenFHE"};
  for (size_t i = 0; i < cells.size(); ++i) cells[i].tool = tools[i];
  const std::vector<size_t> pending = {0, 1, 3, 4};
  EXPECT_EQ(group_tasks(cells, pending, "cell"), (std::vector<std::vector<size_t>>{{0}, {1}, {3}, {4}}));
  EXPECT_EQ(group_tasks(cells, pending, "tool"), (std::vector<std::vector<size_t>>{{0}, {1, 3}, {4}}));
}

}  // namespace
}  // namespace fhebench
