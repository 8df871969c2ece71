// Progress on stderr while a run or a stream works: documents done, MB/s, time elapsed and, when
// the input's size is known, the time left. Shown only when stderr is a terminal (a log or a pipe
// gets nothing), rewritten in place a few times a second and ended with a newline.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace sageon::cli {

class Progress {
 public:
  // `total_bytes`: the size of the input, 0 when unknown (standard input).
  Progress(bool enabled, uint64_t total_bytes);
  ~Progress() { Finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A document is done; `bytes` of its text were read.
  void Document(uint64_t bytes);
  // A file is read whole: its size replaces the text bytes counted for its documents.
  void File(uint64_t file_bytes);
  // Before another message goes to stderr: the progress line is cleared so it stays readable.
  void Clear();
  // The last figures, then a newline; nothing more is shown after it.
  void Finish();

 private:
  void Show(bool force);

  bool enabled_;
  bool shown_ = false;
  uint64_t total_bytes_;
  uint64_t done_bytes_ = 0;  // files read whole
  uint64_t file_bytes_ = 0;  // the file being read: its documents' text
  uint64_t documents_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_shown_;
};

// The size of the files named (from ExpandInputPaths); 0 when one is standard input.
uint64_t InputBytes(const std::vector<std::string>& files);

// Whether stderr is a terminal: progress is for a person watching, never for a log.
bool StderrIsTerminal();

}  // namespace sageon::cli
