// Stage 6: events. A trigger from dictionaries/event_triggers.tsv in a sentence (or a list item
// under a dated heading) with a date and at least one actor gives an event; the actors' roles come
// from their particles (이/가/은/는 agent, 을/를 patient, 에게 recipient, 로/으로 the role taken).
#pragma once

#include <memory>

#include "sageon/base/status.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"

namespace sageon {

class EventExtractor {
 public:
  static Result<EventExtractor> Create(const DictionarySet& dictionaries);

  EventExtractor(EventExtractor&&) noexcept;
  EventExtractor& operator=(EventExtractor&&) noexcept;
  ~EventExtractor();

  // Fills doc->events from the earlier stages' results. Boilerplate sentences make no events.
  // Const and thread-safe.
  void Extract(Document* doc) const;

 private:
  struct Impl;
  explicit EventExtractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sageon
