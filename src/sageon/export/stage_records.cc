#include "sageon/export/stage_records.h"

#include <algorithm>
#include <optional>

#include "sageon/base/utf8.h"

namespace sageon {

using nlohmann::json;

CodePointOffsets::CodePointOffsets(const Document& doc)
    : doc_(doc), original_byte_to_cp_(utf8::ByteToCodePointTable(doc.original)) {}

uint32_t CodePointOffsets::Begin(Span span) const {
  return original_byte_to_cp_[doc_.text_to_original[span.begin]];
}

uint32_t CodePointOffsets::End(Span span) const {
  return original_byte_to_cp_[doc_.text_to_original[span.end]];
}

namespace {
json SpanRecord(const Document& doc, const CodePointOffsets& cp, Span span) {
  return json{{"doc", doc.id},
              {"start", cp.Begin(span)},
              {"end", cp.End(span)},
              {"text", std::string(doc.OriginalText(span))}};
}
}  // namespace

json TimeValueJson(const TimeValue& value) {
  json out{{"value", value.Iso()}, {"grain", GrainName(value.grain)}};
  if (!value.mod.empty()) out["mod"] = value.mod;
  return out;
}

namespace {
// An end of an unresolved expression: its grain without a value. A missing end stays null, as
// for a resolved open interval ("2015년 이후").
json EndJson(const TemporalExpression& date, const std::optional<TimeValue>& end) {
  if (!end) return json(nullptr);
  json out = TimeValueJson(*end);
  if (!date.resolved) out["value"] = nullptr;
  return out;
}
}  // namespace

json DateJson(const TemporalExpression& date) {
  // An unresolved expression has no date to give (see TemporalExpression::resolved).
  if (!date.resolved) return json(nullptr);
  if (!date.is_interval) return TimeValueJson(date.value);
  json out{{"type", "interval"}};
  out["from"] = EndJson(date, date.from);
  out["to"] = EndJson(date, date.to);
  return out;
}

void VisitSentenceRecords(const Document& doc, const RecordVisitor& visit) {
  const CodePointOffsets cp(doc);
  for (const Sentence& s : doc.sentences) {
    json r = SpanRecord(doc, cp, s.span);
    if (s.is_heading) r["heading"] = true;
    if (s.is_boilerplate) r["boilerplate"] = true;
    visit(r);
  }
}

void VisitTokenRecords(const Document& doc, const RecordVisitor& visit) {
  const CodePointOffsets cp(doc);
  for (const Token& t : doc.tokens) {
    json r = SpanRecord(doc, cp, t.span);
    r["surface"] = r["text"];
    r.erase("text");
    r["tag"] = TokenTagName(t.tag);
    r["sentence"] = t.sentence;
    if (!t.lemma.empty()) r["lemma"] = t.lemma;
    if (t.parts.size() > 1) {
      json parts = json::array();
      for (const Morph& m : t.parts) {
        parts.push_back(json{{"start", cp.Begin(m.span)},
                             {"end", cp.End(m.span)},
                             {"surface", std::string(doc.OriginalText(m.span))},
                             {"tag", TokenTagName(m.tag)}});
      }
      r["parts"] = std::move(parts);
    }
    visit(r);
  }
}

namespace {

// What a record of the entity or date stage is made from: a span and where it comes from, so the
// records can be put in text order before any is rendered.
struct RecordSource {
  enum class Kind : uint8_t { kMention, kDate, kDateFrom, kDateTo, kDuration };
  Span span;
  Kind kind = Kind::kMention;
  uint32_t index = 0;  // into doc.mentions, doc.dates or doc.durations
};

// In the order the spans start in the text (the longer first when two start together); ties keep
// the order they were listed in.
void SortInTextOrder(std::vector<RecordSource>* sources) {
  std::stable_sort(sources->begin(), sources->end(), [](const auto& a, const auto& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
}

}  // namespace

void VisitDateRecords(const Document& doc, const RecordVisitor& visit) {
  using Kind = RecordSource::Kind;
  std::vector<RecordSource> sources;
  sources.reserve(doc.dates.size() + doc.durations.size());
  for (uint32_t i = 0; i < doc.dates.size(); ++i) {
    // An implicit date is not in the text (an event's date taken from the document).
    if (!doc.dates[i].implicit) sources.push_back({doc.dates[i].span, Kind::kDate, i});
  }
  for (uint32_t i = 0; i < doc.durations.size(); ++i) {
    sources.push_back({doc.durations[i].span, Kind::kDuration, i});
  }
  SortInTextOrder(&sources);

  const CodePointOffsets cp(doc);
  for (const RecordSource& source : sources) {
    if (source.kind == Kind::kDuration) {
      const DurationExpression& d = doc.durations[source.index];
      json r = SpanRecord(doc, cp, d.span);
      r["kind"] = d.is_time ? "TIME" : "DATE";
      r["type"] = "duration";
      r["value"] = d.value;
      visit(r);
      continue;
    }
    const TemporalExpression& d = doc.dates[source.index];
    json r = SpanRecord(doc, cp, d.span);
    r["kind"] = d.is_time ? "TIME" : "DATE";
    if (d.is_interval) {
      r["type"] = "interval";
      r["from"] = EndJson(d, d.from);
      r["to"] = EndJson(d, d.to);
    } else {
      r["type"] = "value";
      r["value"] = d.resolved ? json(d.value.Iso()) : json(nullptr);
      r["grain"] = GrainName(d.value.grain);
      if (!d.value.mod.empty()) r["mod"] = d.value.mod;
    }
    r["anchor"] = AnchorName(d.anchor);
    // Printed only when false, so the records of resolved expressions keep their shape.
    if (!d.resolved) r["resolved"] = false;
    if (doc.reference) {
      r["reference"] = FormatIso(*doc.reference, Grain::kSecond);
      r["reference_inferred"] = doc.reference_inferred;
    }
    visit(r);
  }
}

void VisitEntityRecords(const Document& doc, const RecordVisitor& visit) {
  using Kind = RecordSource::Kind;
  std::vector<RecordSource> sources;
  for (uint32_t i = 0; i < doc.mentions.size(); ++i) {
    sources.push_back({doc.mentions[i].span, Kind::kMention, i});
  }
  for (uint32_t i = 0; i < doc.dates.size(); ++i) {
    const TemporalExpression& d = doc.dates[i];
    if (d.implicit) continue;
    // A range told with particles is two mentions, one for each end, as NER annotators tag it.
    if (!d.from_span.empty() && d.from && d.to) {
      sources.push_back({d.from_span, Kind::kDateFrom, i});
      sources.push_back({d.to_span, Kind::kDateTo, i});
    } else {
      sources.push_back({d.span, Kind::kDate, i});
    }
  }
  // Lengths of time are DATE or TIME mentions too, as KLUE tags them.
  for (uint32_t i = 0; i < doc.durations.size(); ++i) {
    sources.push_back({doc.durations[i].span, Kind::kDuration, i});
  }
  SortInTextOrder(&sources);

  const CodePointOffsets cp(doc);
  for (const RecordSource& source : sources) {
    json r = SpanRecord(doc, cp, source.span);
    switch (source.kind) {
      case Kind::kMention: {
        const Entity& e = doc.entities[doc.mentions[source.index].entity];
        r["type"] = EntityTypeName(e.type);
        r["id"] = e.id;
        r["name"] = e.name;
        break;
      }
      case Kind::kDate:
      case Kind::kDateFrom:
      case Kind::kDateTo: {
        const TemporalExpression& d = doc.dates[source.index];
        bool is_time = d.is_time;
        if (source.kind == Kind::kDateFrom) is_time = d.from->grain >= Grain::kHour;
        if (source.kind == Kind::kDateTo) is_time = d.to->grain >= Grain::kHour;
        r["type"] = is_time ? "TIME" : "DATE";
        r["date"] = DateJson(d);
        if (source.kind == Kind::kDateFrom) r["part"] = "from";
        if (source.kind == Kind::kDateTo) r["part"] = "to";
        break;
      }
      case Kind::kDuration: {
        const DurationExpression& d = doc.durations[source.index];
        r["type"] = d.is_time ? "TIME" : "DATE";
        r["duration"] = d.value;
        break;
      }
    }
    visit(r);
  }
}

void VisitEventRecords(const Document& doc, const RecordVisitor& visit) {
  const CodePointOffsets cp(doc);
  for (const Event& e : doc.events) {
    json actors = json::array();
    for (const EventActor& a : e.actors) {
      const Entity& entity = doc.entities[a.entity];
      actors.push_back(json{{"name", entity.name},
                            {"id", entity.id},
                            {"type", EntityTypeName(entity.type)},
                            {"role", RoleName(a.role)}});
    }
    const Span sentence = doc.sentences[e.sentence].span;
    json date = DateJson(doc.dates[e.date]);
    // Said so, because the text never gives it: the news of the day, dated by the document.
    if (doc.dates[e.date].implicit) date["from_document"] = true;
    visit(json{
        {"doc", doc.id},
        {"date", std::move(date)},
        {"type", e.type},
        {"trigger", e.trigger_lemma},
        {"realis", RealisName(e.realis)},
        {"trigger_text", std::string(doc.OriginalText(e.trigger))},
        {"actors", std::move(actors)},
        {"sentence", json{{"start", cp.Begin(sentence)},
                          {"end", cp.End(sentence)},
                          {"text", std::string(doc.OriginalText(sentence))}}},
    });
  }
}

namespace {
std::vector<json> Collect(const Document& doc,
                          void (*visit_all)(const Document&, const RecordVisitor&)) {
  std::vector<json> out;
  visit_all(doc, [&](const json& r) { out.push_back(r); });
  return out;
}
}  // namespace

std::vector<json> SentenceRecords(const Document& doc) {
  return Collect(doc, VisitSentenceRecords);
}
std::vector<json> TokenRecords(const Document& doc) { return Collect(doc, VisitTokenRecords); }
std::vector<json> EntityRecords(const Document& doc) { return Collect(doc, VisitEntityRecords); }
std::vector<json> DateRecords(const Document& doc) { return Collect(doc, VisitDateRecords); }
std::vector<json> EventRecords(const Document& doc) { return Collect(doc, VisitEventRecords); }

}  // namespace sageon
