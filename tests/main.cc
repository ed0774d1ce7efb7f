// Test entry point: GoogleTest, plus the plain "N passed, N failed" closing line CI reads.
#include <gtest/gtest.h>

#include <cstdio>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int status = RUN_ALL_TESTS();
  const auto* unit = ::testing::UnitTest::GetInstance();
  std::printf("%d passed, %d failed, %d skipped\n", unit->successful_test_count(),
              unit->failed_test_count(), unit->skipped_test_count());
  return status;
}
