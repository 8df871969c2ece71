// A hash table from strings to values for the lexicon look-ups of the hot paths (every eojeol of
// every document asks it dozens of times). std::unordered_map costs a division, a node and often
// a cache miss per probe; this one is open addressing over a power-of-two array of slots that
// each hold a hash fragment, so most probes of an absent key end without touching a string.
// Keys are looked up by string_view: no std::string is built to ask.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sageon {

// A fast, well-mixed 64-bit hash of a short byte string (dictionary words are 3 to 30 bytes).
inline uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  auto load64 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  auto load32 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return static_cast<uint64_t>(v);
  };
  auto mix = [](uint64_t h) {  // murmur3's finalizer
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
  };
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = kMul ^ (static_cast<uint64_t>(n) * 0xD6E8FEB86659FD93ull);
  while (n > 16) {
    h = mix(h ^ load64(p)) + load64(p + 8);
    p += 16;
    n -= 16;
  }
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = load64(p);
    b = load64(p + n - 8);
  } else if (n >= 4) {
    a = load32(p);
    b = load32(p + n - 4);
  } else if (n > 0) {
    a = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
  }
  return mix(h ^ mix(a ^ kMul) ^ (b * kMul + n));
}

template <typename V>
class StringTable {
 public:
  struct Item {
    std::string key;
    V value;
  };

  // The value of `key`, added (value-initialized) when missing. Adding may move every Item:
  // pointers from Find are valid only once the table is complete.
  V& operator[](std::string_view key) {
    const uint64_t hash = HashBytes(key);
    if (const size_t at = Probe(key, hash); slots_.size() > 0 && slots_[at] != 0) {
      return items_[Index(slots_[at])].value;
    }
    if ((items_.size() + 1) * 2 > slots_.size()) Grow();
    items_.push_back(Item{std::string(key), V{}});
    max_key_size_ = std::max(max_key_size_, key.size());
    slots_[Probe(key, hash)] = Slot(hash, items_.size() - 1);
    return items_.back().value;
  }

  // The item of `key`, or nullptr.
  const Item* Find(std::string_view key) const {
    // Longer than every key: told without hashing it, so asking about every cut of a huge word
    // (a text without spaces) costs nothing per cut.
    if (slots_.empty() || key.size() > max_key_size_) return nullptr;
    const uint64_t hash = HashBytes(key);
    const uint64_t slot = slots_[Probe(key, hash)];
    return slot == 0 ? nullptr : &items_[Index(slot)];
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  size_t size() const { return items_.size(); }
  const std::vector<Item>& items() const { return items_; }

 private:
  // A slot: the high 32 bits of the hash, then the item's index + 1 (0 is an empty slot).
  static uint64_t Slot(uint64_t hash, size_t index) {
    return (hash & 0xFFFFFFFF00000000ull) | static_cast<uint64_t>(index + 1);
  }
  static size_t Index(uint64_t slot) { return static_cast<size_t>(slot & 0xFFFFFFFFull) - 1; }

  // The slot holding `key`, or the empty slot where it would go. Needs a table with slots.
  size_t Probe(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return 0;
    const size_t mask = slots_.size() - 1;
    const uint64_t fragment = hash & 0xFFFFFFFF00000000ull;
    for (size_t at = static_cast<size_t>(hash) & mask;; at = (at + 1) & mask) {
      const uint64_t slot = slots_[at];
      if (slot == 0) return at;
      if ((slot & 0xFFFFFFFF00000000ull) == fragment && items_[Index(slot)].key == key) return at;
    }
  }

  void Grow() {
    std::vector<uint64_t> slots(slots_.empty() ? 16 : slots_.size() * 2, 0);
    slots_.swap(slots);
    const size_t mask = slots_.size() - 1;
    for (size_t i = 0; i < items_.size(); ++i) {
      const uint64_t hash = HashBytes(items_[i].key);
      size_t at = static_cast<size_t>(hash) & mask;
      while (slots_[at] != 0) at = (at + 1) & mask;
      slots_[at] = Slot(hash, i);
    }
  }

  std::vector<Item> items_;
  std::vector<uint64_t> slots_;  // at most half full
  size_t max_key_size_ = 0;
};

}  // namespace sageon
