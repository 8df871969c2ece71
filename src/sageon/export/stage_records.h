// The JSON lines each CLI stage prints, one object per sentence, token, entity, date or event.
// Offsets are Unicode code points into the document's original text (the convention of public
// Korean datasets and of the scorer in ../shared/eval), and `text` is the span as written.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

#include "sageon/document.h"

namespace sageon {

// Converts byte offsets of Document::text into code point offsets of Document::original.
class CodePointOffsets {
 public:
  explicit CodePointOffsets(const Document& doc);
  uint32_t Begin(Span span) const;
  uint32_t End(Span span) const;

 private:
  const Document& doc_;
  std::vector<uint32_t> original_byte_to_cp_;
};

// Each Visit* function renders a document's records one at a time and hands each to `visit`
// before rendering the next, so a huge document's records never sit in memory together (the
// JSON of a 16 MB text's tokens takes gigabytes). The *Records functions collect the same
// records into a vector, for small documents and tests.
using RecordVisitor = std::function<void(const nlohmann::json&)>;

void VisitSentenceRecords(const Document& doc, const RecordVisitor& visit);
void VisitTokenRecords(const Document& doc, const RecordVisitor& visit);
// PERSON, ORG, LOC, PRODUCT, EVENT mentions and the DATE and TIME expressions, in text order.
void VisitEntityRecords(const Document& doc, const RecordVisitor& visit);
void VisitDateRecords(const Document& doc, const RecordVisitor& visit);
void VisitEventRecords(const Document& doc, const RecordVisitor& visit);

std::vector<nlohmann::json> SentenceRecords(const Document& doc);
std::vector<nlohmann::json> TokenRecords(const Document& doc);
std::vector<nlohmann::json> EntityRecords(const Document& doc);
std::vector<nlohmann::json> DateRecords(const Document& doc);
std::vector<nlohmann::json> EventRecords(const Document& doc);

// {"value", "grain", "mod"?} of a time value; the date of an expression: that object, or
// {"type": "interval", "from", "to"}; null for an expression left unresolved (no reference).
nlohmann::json TimeValueJson(const TimeValue& value);
nlohmann::json DateJson(const TemporalExpression& date);

}  // namespace sageon
