#include "sageon/graph/event_graph.h"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>

#include "sageon/base/utf8.h"

namespace sageon {

uint64_t Fnv1a64(std::string_view data) {
  uint64_t hash = 14695981039346656037ULL;
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

namespace {

std::string Hex64(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

// The first and last day a time value covers.
std::pair<DateTime, DateTime> DayBounds(const TimeValue& v) {
  const DateTime& t = v.time;
  auto day = [](int y, int m, int d) {
    DateTime out;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
  };
  auto last_of = [&](int y, int m) { return day(y, m, DaysInMonth(y, m)); };
  switch (v.grain) {
    case Grain::kDecade: {
      const int start = t.year - ((t.year % 10) + 10) % 10;
      return {day(start, 1, 1), day(start + 9, 12, 31)};
    }
    case Grain::kYear:
      return {day(t.year, 1, 1), day(t.year, 12, 31)};
    case Grain::kHalf: {
      const int first = t.month <= 6 ? 1 : 7;
      return {day(t.year, first, 1), last_of(t.year, first + 5)};
    }
    case Grain::kQuarter: {
      const int first = (t.month - 1) / 3 * 3 + 1;
      return {day(t.year, first, 1), last_of(t.year, first + 2)};
    }
    case Grain::kMonth:
      return {day(t.year, t.month, 1), last_of(t.year, t.month)};
    case Grain::kWeek: {
      const DateTime monday =
          AddDays(day(t.year, t.month, t.day), -Weekday(t.year, t.month, t.day));
      return {monday, AddDays(monday, 6)};
    }
    case Grain::kDay:
    case Grain::kHour:
    case Grain::kMinute:
    case Grain::kSecond:
      break;
  }
  return {day(t.year, t.month, t.day), day(t.year, t.month, t.day)};
}

// FormatIso(t, Grain::kDay), "2023-11-17". Events() and the exporters ask it for every event, again
// and again: the digits are written here, and only a date outside years 0..9999 (or a field
// outside 0..99) goes through FormatIso's snprintf.
std::string DayIso(const DateTime& t) {
  if (t.year < 0 || t.year > 9999 || t.month < 0 || t.month > 99 || t.day < 0 || t.day > 99) {
    return FormatIso(t, Grain::kDay);
  }
  std::string out = "0000-00-00";
  auto put = [&](size_t end, int value, int digits) {
    for (int i = 0; i < digits; ++i, value /= 10)
      out[end - static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(3, t.year, 4);
  put(6, t.month, 2);
  put(9, t.day, 2);
  return out;
}

// The sentence as one line: newlines and runs of spaces become one space.
std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t c = utf8::Next(text, &pos);
    if (utf8::IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

std::string DateLabelOf(bool is_interval, const TimeValue& value,
                        const std::optional<TimeValue>& from, const std::optional<TimeValue>& to) {
  if (!is_interval) return value.Iso();
  // ISO 8601-2 writes an open end as "..".
  return (from ? from->Iso() : std::string("..")) + "/" + (to ? to->Iso() : std::string(".."));
}

}  // namespace

std::string GraphEvent::StartIso() const {
  if (!is_interval) return DayIso(DayBounds(value).first);
  if (from) return DayIso(DayBounds(*from).first);
  if (to) return DayIso(DayBounds(*to).first);
  return DayIso(DayBounds(value).first);
}

std::string GraphEvent::EndIso() const {
  if (!is_interval) return DayIso(DayBounds(value).second);
  if (to) return DayIso(DayBounds(*to).second);
  if (from) return DayIso(DayBounds(*from).second);
  return DayIso(DayBounds(value).second);
}

std::string GraphEvent::DateLabel() const { return DateLabelOf(is_interval, value, from, to); }

std::string ContributionEvent::DateLabel() const {
  return DateLabelOf(is_interval, value, from, to);
}

std::string ContributionEvent::Id() const {
  // The identity of an event: what happened, when, and to whom; not the words used for it.
  std::string key = type;
  key += '\x1f';
  key += DateLabel();
  for (const GraphEventActor& a : actors) {
    key += '\x1f';
    key += a.entity_id;
  }
  // A negated or planned event is another fact than the one that took place (an actual event
  // keeps the key it always had).
  if (realis != Realis::kActual) {
    key += '\x1f';
    key += RealisName(realis);
  }
  return "event:" + Hex64(Fnv1a64(key));
}

GraphContribution MakeContribution(const Document& doc) {
  GraphContribution out;
  out.document_id = doc.id;
  for (const Entity& e : doc.entities) {
    if (e.id.empty()) continue;
    out.entities.push_back(ContributionEntity{e.id, e.type, e.name, e.aliases, e.mention_count});
  }
  // An event's actors by entity id, each with its highest-priority role (the first told of equal
  // ones): sorted, then the first of each id kept. One list serves every event.
  std::vector<std::pair<std::string_view, Role>> roles;
  for (const Event& e : doc.events) {
    if (e.date >= doc.dates.size()) continue;
    roles.clear();
    for (const EventActor& a : e.actors) {
      if (a.entity >= doc.entities.size() || doc.entities[a.entity].id.empty()) continue;
      roles.emplace_back(doc.entities[a.entity].id, a.role);
    }
    if (roles.empty()) continue;
    std::stable_sort(roles.begin(), roles.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return RolePriority(a.second) < RolePriority(b.second);
    });
    roles.erase(std::unique(roles.begin(), roles.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                roles.end());
    const TemporalExpression& date = doc.dates[e.date];
    ContributionEvent event;
    event.type = e.type;
    event.trigger = e.trigger_lemma;
    event.realis = e.realis;
    event.is_interval = date.is_interval;
    event.value = date.value;
    event.from = date.from;
    event.to = date.to;
    event.actors.reserve(roles.size());
    for (const auto& [id, role] : roles) {
      event.actors.push_back(GraphEventActor{std::string(id), role});
    }
    if (e.sentence < doc.sentences.size()) {
      event.sentence = OneLine(doc.Text(doc.sentences[e.sentence].span));
    }
    out.events.push_back(std::move(event));
  }
  return out;
}

void EventGraph::AddDocument(const Document& doc) { AddContribution(MakeContribution(doc)); }

void EventGraph::AddContribution(const GraphContribution& contribution) {
  if (contribution.entities.empty() && contribution.events.empty()) return;
  const std::string& doc_id = contribution.document_id;
  bool new_document = false;
  const DocumentIndex doc = document_ids_.Intern(doc_id, &new_document);
  // Each list holds a document once. A new document is in no list yet, and its own items come
  // together, so only the last item of a list can be it; a document told twice (as `timeline`
  // may see one) needs the whole list searched.
  auto add_document = [&](std::vector<DocumentIndex>* documents) {
    if (!documents->empty() && documents->back() == doc) return;
    if (!new_document && std::find(documents->begin(), documents->end(), doc) != documents->end()) {
      return;
    }
    documents->push_back(doc);
  };
  for (const ContributionEntity& e : contribution.entities) {
    if (e.id.empty()) continue;
    auto [it, inserted] = entities_.try_emplace(e.id);
    GraphEntity& g = it->second;
    if (inserted) {
      g.id = e.id;
      g.type = e.type;
      g.name = e.name;
      g.first_document = doc;
    } else {
      // The canonical name comes from the smallest document id (then the smallest name), so the
      // order documents arrive in does not change it.
      const std::string_view first = DocumentId(g.first_document);
      if (doc_id < first || (doc_id == first && e.name < g.name)) {
        g.aliases.insert(g.name);
        g.name = e.name;
      }
      if (doc_id < first) g.first_document = doc;
    }
    if (!e.name.empty()) g.aliases.insert(e.name);
    for (const std::string& alias : e.aliases) {
      if (!alias.empty()) g.aliases.insert(alias);
    }
    g.aliases.erase(g.name);
    g.mention_count += e.mention_count;
    add_document(&g.documents);
  }

  for (const ContributionEvent& e : contribution.events) {
    if (e.actors.empty()) continue;
    std::string id = e.Id();
    auto [it, inserted] = events_.try_emplace(id);
    GraphEvent& g = it->second;
    if (inserted) {
      g.id = std::move(id);
      g.type = e.type;
      g.trigger = e.trigger;
      g.realis = e.realis;
      g.is_interval = e.is_interval;
      g.value = e.value;
      g.from = e.from;
      g.to = e.to;
      g.actors = e.actors;
      g.first_document = doc;
      g.sentence = e.sentence;
      g.documents.push_back(doc);
      continue;
    }
    add_document(&g.documents);
    // Roles merge by priority, which does not depend on the order either.
    for (const GraphEventActor& a : e.actors) {
      auto same = std::find_if(g.actors.begin(), g.actors.end(), [&](const GraphEventActor& b) {
        return b.entity_id == a.entity_id;
      });
      if (same != g.actors.end() && RolePriority(a.role) < RolePriority(same->role)) {
        same->role = a.role;
      }
    }
    if (doc_id < DocumentId(g.first_document)) {
      g.first_document = doc;
      g.sentence = e.sentence;
      g.trigger = e.trigger;
      g.value = e.value;
      g.from = e.from;
      g.to = e.to;
    }
  }
}

std::vector<const GraphEntity*> EventGraph::Entities() const {
  std::vector<const GraphEntity*> out;
  out.reserve(entities_.size());
  for (const auto& [id, entity] : entities_) out.push_back(&entity);
  return out;
}

std::vector<const GraphEvent*> EventGraph::Events() const {
  std::vector<std::pair<std::string, const GraphEvent*>> keyed;
  keyed.reserve(events_.size());
  for (const auto& [id, event] : events_) keyed.emplace_back(event.StartIso(), &event);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  std::vector<const GraphEvent*> out;
  out.reserve(keyed.size());
  for (const auto& [start, event] : keyed) out.push_back(event);
  return out;
}

std::vector<const GraphEntity*> EventGraph::Actors() const {
  std::set<std::string_view> in_events;
  for (const auto& [id, event] : events_) {
    for (const GraphEventActor& a : event.actors) in_events.insert(a.entity_id);
  }
  std::vector<const GraphEntity*> out;
  for (const auto& [id, entity] : entities_) {
    if (IsActorType(entity.type) && in_events.contains(id)) out.push_back(&entity);
  }
  return out;
}

std::vector<GraphEdge> EventGraph::Edges() const {
  auto is_actor = [&](std::string_view id) {
    const GraphEntity* e = FindEntity(id);
    return e != nullptr && IsActorType(e->type);
  };
  size_t role_count = 0;
  for (const auto& [id, event] : events_) role_count += event.actors.size();
  std::vector<GraphEdge> out;
  out.reserve(role_count);
  // Every pair of actors that share an event, once per event; sorted, each run of one pair is
  // its edge and the run's length its weight.
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  std::vector<std::string_view> ids;
  for (const auto& [id, event] : events_) {
    ids.clear();
    for (const GraphEventActor& a : event.actors) {
      if (!is_actor(a.entity_id)) continue;
      out.push_back(GraphEdge{a.entity_id, event.id, true, RoleName(a.role), 1});
      ids.push_back(a.entity_id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t j = i + 1; j < ids.size(); ++j) pairs.emplace_back(ids[i], ids[j]);
    }
  }
  std::sort(out.begin(), out.end(), [](const GraphEdge& a, const GraphEdge& b) {
    return std::tie(a.source, a.target, a.label) < std::tie(b.source, b.target, b.label);
  });
  std::sort(pairs.begin(), pairs.end());
  for (size_t i = 0; i < pairs.size();) {
    size_t end = i + 1;
    while (end < pairs.size() && pairs[end] == pairs[i]) ++end;
    out.push_back(GraphEdge{pairs[i].first, pairs[i].second, false, "shares events",
                            static_cast<double>(end - i)});
    i = end;
  }
  return out;
}

const GraphEntity* EventGraph::FindEntity(std::string_view id) const {
  auto it = entities_.find(id);
  return it == entities_.end() ? nullptr : &it->second;
}

const GraphEvent* EventGraph::FindEvent(std::string_view id) const {
  auto it = events_.find(id);
  return it == events_.end() ? nullptr : &it->second;
}

std::vector<std::string_view> EventGraph::DocumentIds(
    const std::vector<DocumentIndex>& documents) const {
  std::vector<std::string_view> out;
  out.reserve(documents.size());
  for (const DocumentIndex d : documents) out.push_back(DocumentId(d));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sageon
