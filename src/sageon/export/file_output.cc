#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {

std::string Errno() { return std::strerror(errno); }

// The temporary file being written, for RemovePendingTemporaryFile in a signal handler, which may
// only read lock-free atomics and plain memory. One slot: the CLI writes one file at a time, and
// a writer that finds the slot taken just goes untracked.
char pending_path[4096];
std::atomic<bool> pending_slot_taken{false};
std::atomic<bool> pending_path_set{false};
static_assert(std::atomic<bool>::is_always_lock_free);

class PendingTemporaryFile {
 public:
  explicit PendingTemporaryFile(const std::string& tmp) {
    if (tmp.size() >= sizeof pending_path || pending_slot_taken.exchange(true)) return;
    tracked_ = true;
    std::memcpy(pending_path, tmp.c_str(), tmp.size() + 1);
    pending_path_set.store(true);
  }
  ~PendingTemporaryFile() {
    if (!tracked_) return;
    pending_path_set.store(false);
    pending_slot_taken.store(false);
  }
  PendingTemporaryFile(const PendingTemporaryFile&) = delete;
  PendingTemporaryFile& operator=(const PendingTemporaryFile&) = delete;

 private:
  bool tracked_ = false;
};

}  // namespace

// Declared in batch.h, beside WriteRunOutputs, for the CLI's signal handler.
void RemovePendingTemporaryFile() noexcept;
void RemovePendingTemporaryFile() noexcept {
  // After the rename the name is gone and unlink fails harmlessly.
  if (pending_path_set.load()) ::unlink(pending_path);
}

// A reader of `path` sees the old file or the new one, never half of one: the content goes to a
// temporary file beside it (same directory, so the rename stays on one file system), is synced,
// and is renamed over `path`.
Status WriteFileAtomically(const std::string& path, std::string_view content) {
  return WriteFileAtomically(path, [&](const PieceWriter& write) { return write(content); });
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const PieceWriter&)>& produce) {
  const std::string tmp = path + ".tmp." + std::to_string(static_cast<long>(::getpid()));
  const PendingTemporaryFile pending(tmp);  // before open(): the file exists from then on
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("cannot write " + path + ": " + Errno());
  auto fail = [&](const std::string& what) {
    const std::string message = "cannot write " + path + ": " + what + ": " + Errno();
    ::close(fd);
    ::unlink(tmp.c_str());
    return IoError(message);
  };
  bool write_failed = false;
  const Status produced = produce([&](std::string_view content) {
    size_t done = 0;
    while (done < content.size()) {
      const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        write_failed = true;
        return IoError("write");
      }
      done += static_cast<size_t>(n);
    }
    return Status::Ok();
  });
  if (write_failed) return fail("write");
  if (!produced.ok()) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return produced;
  }
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) return fail("fsync");
  if (::close(fd) != 0) {
    const std::string message = "cannot write " + path + ": close: " + Errno();
    ::unlink(tmp.c_str());
    return IoError(message);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string message = "cannot write " + path + ": rename: " + Errno();
    ::unlink(tmp.c_str());
    return IoError(message);
  }
  return Status::Ok();
}

Result<std::string> CollectPieces(Status (*write_file)(const EventGraph&, const PieceWriter&),
                                  const EventGraph& graph) {
  std::string out;
  SAGEON_RETURN_IF_ERROR(write_file(graph, [&](std::string_view piece) {
    out += piece;
    return Status::Ok();
  }));
  return out;
}

}  // namespace sageon
