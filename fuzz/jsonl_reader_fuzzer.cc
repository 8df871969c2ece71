// Input reader on arbitrary bytes, both ways a file can be read: as JSON lines (one document per
// line) and as a text file decoded to UTF-8 (BOMs, UTF-16, CP949, broken UTF-8). Every document
// handed on must be valid UTF-8, as the stages after it assume.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "sageon/input/input_reader.h"

namespace {

// ReadInput reads a path: give it an in-memory file so no iteration touches the disk.
class MemoryFile {
 public:
  MemoryFile() : fd_(memfd_create("sageon_fuzz_input", 0)) {
    if (fd_ < 0) sageon::fuzz::Fail("memfd_create failed");
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  const std::string& Write(const uint8_t* data, size_t size) {
    sageon::fuzz::Check(ftruncate(fd_, 0) == 0, "ftruncate failed");
    size_t done = 0;
    while (done < size) {
      const ssize_t n = pwrite(fd_, data + done, size - done, static_cast<off_t>(done));
      sageon::fuzz::Check(n > 0, "pwrite failed");
      done += static_cast<size_t>(n);
    }
    return path_;
  }

 private:
  int fd_;
  std::string path_;
};

void CheckDocument(const sageon::RawDocument& doc) {
  using sageon::fuzz::Check;
  Check(sageon::utf8::FindInvalid(doc.text) == std::string_view::npos,
        doc.source + ": document text is not valid UTF-8");
  Check(!doc.id.empty(), doc.source + ": document without an id");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sageon;
  static MemoryFile file;
  const std::string& path = file.Write(data, size);
  InputCallbacks callbacks;
  callbacks.on_document = [](RawDocument&& doc) { CheckDocument(doc); };
  callbacks.on_problem = [](InputProblem&& problem) {
    fuzz::Check(!problem.reason.empty(), problem.source + ": a problem without a reason");
  };
  InputOptions options;
  options.format = InputFormat::kJsonl;
  fuzz::Check(ReadInput(path, options, callbacks).ok(), "ReadInput failed on a readable file");

  RawDocument doc;
  doc.id = "fuzz";
  if (DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", &doc)
          .ok()) {
    CheckDocument(doc);
  }
  return 0;
}
