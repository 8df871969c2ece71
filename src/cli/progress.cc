#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace sageon::cli {

namespace {

// A few updates a second: enough to look alive, few enough to cost nothing.
constexpr auto kInterval = std::chrono::milliseconds(250);

std::string Clock(double seconds) {
  const auto total = static_cast<long>(seconds + 0.5);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  }
  return text;
}

}  // namespace

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled),
      total_bytes_(total_bytes),
      started_(std::chrono::steady_clock::now()),
      last_shown_(started_) {}

void Progress::Document(uint64_t bytes) {
  if (!enabled_) return;
  ++documents_;
  file_bytes_ += bytes;
  Show(false);
}

void Progress::File(uint64_t file_bytes) {
  if (!enabled_) return;
  done_bytes_ += file_bytes;
  file_bytes_ = 0;
  Show(false);
}

void Progress::Clear() {
  if (!enabled_ || !shown_) return;
  std::fputs("\r\x1b[K", stderr);
  shown_ = false;
}

void Progress::Finish() {
  if (!enabled_) return;
  if (documents_ > 0) {
    Show(true);
    std::fputs("\n", stderr);
    std::fflush(stderr);
  }
  enabled_ = false;
}

void Progress::Show(bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_shown_ < kInterval) return;
  last_shown_ = now;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  uint64_t done = done_bytes_ + file_bytes_;
  if (total_bytes_ > 0) done = std::min(done, total_bytes_);
  const double mb_per_s = elapsed > 0 ? static_cast<double>(done) / 1e6 / elapsed : 0.0;
  std::string line = "\r\x1b[Ksageon: " + std::to_string(documents_) + " documents";
  char rate[32];
  std::snprintf(rate, sizeof rate, ", %.2f MB/s", mb_per_s);
  line += rate;
  line += ", " + Clock(elapsed) + " elapsed";
  if (total_bytes_ > 0 && done > 0 && !force) {
    const double left =
        elapsed * static_cast<double>(total_bytes_ - done) / static_cast<double>(done);
    line += ", about " + Clock(left) + " left";
  }
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

uint64_t InputBytes(const std::vector<std::string>& files) {
  uint64_t total = 0;
  for (const std::string& file : files) {
    if (file == "-") return 0;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) total += size;
  }
  return total;
}

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace sageon::cli
