// An ICU BreakIterator for each thread, cloned once from a prototype: ICU's iterators hold their
// position, so a const, thread-safe stage cannot share one, and a clone costs more than splitting
// or tokenizing a short document (ICU builds its break engines lazily in each instance). Each
// thread therefore keeps the clone of the last owner it served. `Owner` (the stage's type) gives
// every kind of stage its own per-thread slot, so a thread that both splits and tokenizes keeps
// both clones.
#pragma once

#include <unicode/brkiter.h>

#include <atomic>
#include <cstdint>
#include <memory>

namespace sageon {

template <typename Owner>
class ThreadBreakIterator {
 public:
  explicit ThreadBreakIterator(std::unique_ptr<icu::BreakIterator> prototype = nullptr)
      : prototype_(std::move(prototype)), id_(next_id_.fetch_add(1)) {}

  // This thread's clone of the prototype; nullptr when there is none or ICU cannot clone it.
  icu::BreakIterator* Get() const {
    struct Cache {
      uint64_t owner = 0;
      std::unique_ptr<icu::BreakIterator> iterator;
    };
    thread_local Cache cache;
    if (prototype_ == nullptr) return nullptr;
    if (cache.owner != id_ || cache.iterator == nullptr) {
      cache.iterator.reset(prototype_->clone());
      cache.owner = cache.iterator == nullptr ? 0 : id_;
    }
    return cache.iterator.get();
  }

 private:
  static inline std::atomic<uint64_t> next_id_{1};
  std::unique_ptr<icu::BreakIterator> prototype_;  // never iterated: only cloned
  uint64_t id_;  // tells this owner's clones from another's in the per-thread slot
};

}  // namespace sageon
