#include "sageon/export/document_set.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <tuple>
#include <utility>

namespace sageon {

namespace {

// Written in a fixed key order so a line reads naturally and the bytes never change; read by key.
using OrderedJson = nlohmann::ordered_json;
using nlohmann::json;

constexpr char kFileRecord[] = "file";
constexpr char kDocumentRecord[] = "document";

// The values are built member by member into reserved room, rather than from initializer lists:
// a line is built once per document, and the lists' temporary pairs and copies cost more than the
// printing.
OrderedJson ObjectWithRoom(size_t members) {
  OrderedJson out = OrderedJson::object();
  out.get_ref<OrderedJson::object_t&>().reserve(members);
  return out;
}

OrderedJson ArrayWithRoom(size_t elements) {
  OrderedJson out = OrderedJson::array();
  out.get_ref<OrderedJson::array_t&>().reserve(elements);
  return out;
}

// Appends a member. The keys are this file's own, each written once, so the search for an equal
// key that OrderedJson::emplace makes first is left out.
template <typename Value>
void Add(OrderedJson* object, const char* key, Value&& value) {
  object->get_ref<OrderedJson::object_t&>().emplace_back(key, std::forward<Value>(value));
}

OrderedJson StringsJson(const std::vector<std::string>& values) {
  OrderedJson out = ArrayWithRoom(values.size());
  for (const std::string& value : values) out.emplace_back(value);
  return out;
}

std::string Dump(const OrderedJson& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

OrderedJson TimeValueJson(const TimeValue& v) {
  const DateTime& t = v.time;
  OrderedJson time = ArrayWithRoom(6);
  for (const int part : {t.year, t.month, t.day, t.hour, t.minute, t.second})
    time.emplace_back(part);
  OrderedJson out = ObjectWithRoom(3);
  Add(&out, "time", std::move(time));
  Add(&out, "grain", std::string(GrainName(v.grain)));
  if (!v.mod.empty()) Add(&out, "mod", v.mod);
  return out;
}

OrderedJson EventJson(const ContributionEvent& e) {
  OrderedJson actors = ArrayWithRoom(e.actors.size());
  for (const GraphEventActor& a : e.actors) {
    OrderedJson actor = ObjectWithRoom(2);
    Add(&actor, "entity", a.entity_id);
    Add(&actor, "role", std::string(RoleName(a.role)));
    actors.emplace_back(std::move(actor));
  }
  OrderedJson out = ObjectWithRoom(10);
  // The id is written for readers (it is events.csv's node id); reading recomputes it.
  Add(&out, "id", e.Id());
  Add(&out, "type", e.type);
  Add(&out, "trigger", e.trigger);
  Add(&out, "realis", std::string(RealisName(e.realis)));
  Add(&out, "interval", e.is_interval);
  Add(&out, "value", TimeValueJson(e.value));
  if (e.from) Add(&out, "from", TimeValueJson(*e.from));
  if (e.to) Add(&out, "to", TimeValueJson(*e.to));
  Add(&out, "actors", std::move(actors));
  Add(&out, "sentence", e.sentence);
  return out;
}

// Enum names back to values: each enum's names are the ones its *Name function writes.
template <typename Enum>
std::optional<Enum> ParseName(std::string_view name, Enum last, std::string_view (*to_name)(Enum)) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    if (to_name(static_cast<Enum>(i)) == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

// A reader that names the field that is missing or of the wrong type.
class Reader {
 public:
  explicit Reader(std::string* error) : error_(error) {}

  template <typename T>
  T Get(const json& object, const char* key, T fallback = T()) {
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    try {
      return it->get<T>();
    } catch (const json::exception&) {
      Fail(std::string("\"") + key + "\" has the wrong type");
      return fallback;
    }
  }
  const json& Need(const json& object, const char* key) {
    static const json kNull;
    const auto it = object.find(key);
    if (it == object.end()) {
      Fail(std::string("no \"") + key + "\" field");
      return kNull;
    }
    return *it;
  }
  template <typename Enum>
  Enum GetEnum(const json& object, const char* key, Enum last, std::string_view (*to_name)(Enum)) {
    if (!object.contains(key)) {
      Fail(std::string("no \"") + key + "\" field");
      return Enum{};
    }
    const std::string name = Get<std::string>(object, key);
    const std::optional<Enum> value = ParseName(name, last, to_name);
    if (!value) Fail(std::string("\"") + key + "\": unknown value '" + name + "'");
    return value.value_or(Enum{});
  }
  TimeValue Time(const json& object) {
    TimeValue v;
    if (!object.is_object()) {
      Fail("a date is not an object");
      return v;
    }
    const auto t = Get<std::vector<int>>(object, "time");
    if (t.size() != 6) {
      Fail("\"time\" is not [year, month, day, hour, minute, second]");
      return v;
    }
    v.time = DateTime{t[0], t[1], t[2], t[3], t[4], t[5]};
    v.grain = GetEnum(object, "grain", Grain::kSecond, GrainName);
    v.mod = Get<std::string>(object, "mod");
    return v;
  }
  void Fail(std::string message) {
    if (error_->empty()) *error_ = std::move(message);
  }
  bool ok() const { return error_->empty(); }

 private:
  std::string* error_;
};

DocumentRecord ParseDocumentRecord(const json& line, std::string* error) {
  Reader r(error);
  DocumentRecord record;
  DocumentReport& report = record.report;
  report.id = r.Get<std::string>(line, "id");
  if (report.id.empty()) r.Fail("no \"id\"");
  report.source = r.Get<std::string>(line, "source");
  record.file = r.Get<std::string>(line, "file");
  report.line = r.Get<size_t>(line, "line");
  report.status = r.Get<std::string>(line, "status");
  if (report.status != "processed" && report.status != "skipped" && report.status != "failed" &&
      report.status != "replaced") {
    r.Fail("\"status\": unknown value '" + report.status + "'");
  }
  report.reason = r.Get<std::string>(line, "reason");
  report.encoding = r.Get<std::string>(line, "encoding");
  report.replaced_bytes = r.Get<size_t>(line, "replaced_bytes");
  report.warnings = r.Get<std::vector<std::string>>(line, "warnings");
  report.reference = r.Get<std::string>(line, "reference_date");
  report.reference_inferred = r.Get<bool>(line, "reference_inferred");
  const json counts = r.Get<json>(line, "counts", json::object());
  report.characters = r.Get<size_t>(counts, "characters");
  report.sentences = r.Get<size_t>(counts, "sentences");
  report.tokens = r.Get<size_t>(counts, "tokens");
  report.dates = r.Get<size_t>(counts, "dates");
  report.entities = r.Get<size_t>(counts, "entities");
  report.mentions = r.Get<size_t>(counts, "mentions");
  report.events = r.Get<size_t>(counts, "events");

  GraphContribution& c = record.contribution;
  c.document_id = report.id;
  for (const json& e : r.Get<json>(line, "entities", json::array())) {
    ContributionEntity entity;
    entity.id = r.Get<std::string>(e, "id");
    if (entity.id.empty()) r.Fail("an entity without an id");
    entity.type = r.GetEnum(e, "type", EntityType::kEvent, EntityTypeName);
    entity.name = r.Get<std::string>(e, "name");
    entity.aliases = r.Get<std::vector<std::string>>(e, "aliases");
    entity.mention_count = r.Get<uint64_t>(e, "mentions");
    c.entities.push_back(std::move(entity));
  }
  for (const json& e : r.Get<json>(line, "events", json::array())) {
    ContributionEvent event;
    event.type = r.Get<std::string>(e, "type");
    event.trigger = r.Get<std::string>(e, "trigger");
    event.realis = r.GetEnum(e, "realis", Realis::kPossible, RealisName);
    event.is_interval = r.Get<bool>(e, "interval");
    event.value = r.Time(r.Need(e, "value"));
    if (e.contains("from")) event.from = r.Time(e["from"]);
    if (e.contains("to")) event.to = r.Time(e["to"]);
    for (const json& a : r.Get<json>(e, "actors", json::array())) {
      event.actors.push_back(GraphEventActor{r.Get<std::string>(a, "entity"),
                                             r.GetEnum(a, "role", Role::kParticipant, RoleName)});
    }
    // As MakeContribution leaves them: sorted by entity id, one role each.
    std::sort(event.actors.begin(), event.actors.end());
    event.actors.erase(std::unique(event.actors.begin(), event.actors.end(),
                                   [](const GraphEventActor& a, const GraphEventActor& b) {
                                     return a.entity_id == b.entity_id;
                                   }),
                       event.actors.end());
    if (event.actors.empty()) r.Fail("an event without actors");
    event.sentence = r.Get<std::string>(e, "sentence");
    c.events.push_back(std::move(event));
  }
  if (report.status != "processed") c = GraphContribution{report.id, {}, {}};
  return record;
}

}  // namespace

DocumentRecord MakeDocumentRecord(const DocumentReport& report, const std::string& file,
                                  const Document* doc) {
  DocumentRecord record{report, file, {}};
  if (doc != nullptr && report.status == "processed") record.contribution = MakeContribution(*doc);
  // The report's id, as merge reads it back (the two are the same for a processed document).
  record.contribution.document_id = report.id;
  return record;
}

std::string FileRecordLine(const std::string& path, const std::string& reason) {
  OrderedJson out{{"record", kFileRecord}, {"file", path}};
  if (!reason.empty()) out["reason"] = reason;
  return Dump(out);
}

std::string DocumentRecordLine(const DocumentRecord& record) {
  const DocumentReport& r = record.report;
  OrderedJson counts = ObjectWithRoom(7);
  Add(&counts, "characters", r.characters);
  Add(&counts, "sentences", r.sentences);
  Add(&counts, "tokens", r.tokens);
  Add(&counts, "dates", r.dates);
  Add(&counts, "entities", r.entities);
  Add(&counts, "mentions", r.mentions);
  Add(&counts, "events", r.events);
  OrderedJson entities = ArrayWithRoom(record.contribution.entities.size());
  for (const ContributionEntity& e : record.contribution.entities) {
    OrderedJson entity = ObjectWithRoom(5);
    Add(&entity, "id", e.id);
    Add(&entity, "type", std::string(EntityTypeName(e.type)));
    Add(&entity, "name", e.name);
    Add(&entity, "aliases", StringsJson(e.aliases));
    Add(&entity, "mentions", e.mention_count);
    entities.emplace_back(std::move(entity));
  }
  OrderedJson events = ArrayWithRoom(record.contribution.events.size());
  for (const ContributionEvent& e : record.contribution.events) events.emplace_back(EventJson(e));
  OrderedJson out = ObjectWithRoom(16);
  Add(&out, "record", kDocumentRecord);
  Add(&out, "id", r.id);
  Add(&out, "source", r.source);
  Add(&out, "file", record.file);
  Add(&out, "line", r.line);
  Add(&out, "status", r.status);
  if (!r.reason.empty()) Add(&out, "reason", r.reason);
  Add(&out, "encoding", r.encoding);
  Add(&out, "replaced_bytes", r.replaced_bytes);
  Add(&out, "warnings", StringsJson(r.warnings));
  Add(&out, "reference_date", r.reference);
  Add(&out, "reference_inferred", r.reference_inferred);
  Add(&out, "counts", std::move(counts));
  Add(&out, "entities", std::move(entities));
  Add(&out, "events", std::move(events));
  return Dump(out);
}

RecordSpill::~RecordSpill() {
  if (fd_ >= 0) ::close(fd_);
}

uint64_t RecordSpill::Append(std::string_view line) {
  const uint64_t offset = size_;
  buffer_.append(line);
  size_ += line.size();
  // Whole lines go to the file, so a line is either in the file or in buffer_, never in both.
  constexpr size_t kFlushAt = size_t{1} << 20;
  if (buffer_.size() >= kFlushAt && status_.ok()) status_ = Flush();
  return offset;
}

Status RecordSpill::Flush() {
  if (!opened_) {
    opened_ = true;
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    std::string name = (dir / "sageon-records-XXXXXX").string();
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    // Unlinked at once: it lives as long as the descriptor, whatever ends the process.
    if (fd_ >= 0) ::unlink(name.c_str());
  }
  if (fd_ < 0) return Status::Ok();  // no temporary file: buffer_ keeps every line
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError(std::string("the temporary file of the documents' records: write: ") +
                     std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
  return Status::Ok();
}

Status RecordSpill::Read(uint64_t offset, size_t size, std::string* line) {
  if (offset >= written_) {
    line->assign(buffer_, static_cast<size_t>(offset - written_), size);
    return Status::Ok();
  }
  line->resize(size);
  size_t done = 0;
  while (done < size) {
    const ssize_t n =
        ::pread(fd_, line->data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return IoError(std::string("the temporary file of the documents' records: read: ") +
                     (n < 0 ? std::strerror(errno) : "it is shorter than written"));
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

void DocumentSet::BeginInput() { ++input_; }

DocumentSet::DocumentStatus DocumentSet::StatusOf(std::string_view status) {
  if (status == "processed") return DocumentStatus::kProcessed;
  if (status == "skipped") return DocumentStatus::kSkipped;
  if (status == "replaced") return DocumentStatus::kReplaced;
  return DocumentStatus::kFailed;
}

size_t DocumentSet::FileIndex(const std::string& path) {
  bool added = false;
  const size_t index = file_paths_.Intern(path, &added);
  if (added) files_.emplace_back();
  return index;
}

void DocumentSet::CountFile(size_t file, DocumentStatus status, bool remove) {
  FileEntry& f = files_[file];
  size_t& count = status == DocumentStatus::kProcessed  ? f.processed
                  : status == DocumentStatus::kSkipped  ? f.skipped
                  : status == DocumentStatus::kReplaced ? f.replaced
                                                        : f.failed;
  count = remove ? count - 1 : count + 1;
}

void DocumentSet::AddFile(const std::string& path, const std::string& reason) {
  FileEntry& file = files_[FileIndex(path)];
  if (file.reason.empty()) file.reason = reason;
}

void DocumentSet::Spill(const DocumentRecord& record, Entry* entry) {
  const std::string line = DocumentRecordLine(record);
  const std::string element = SummaryDocumentElement(record.report);
  constexpr size_t kLimit = UINT32_MAX;
  if ((line.size() > kLimit || element.size() > kLimit) && spill_status_.ok()) {
    spill_status_ = DataError(record.report.source + ": the record of the document is over 4 GB");
  }
  entry->offset = spill_.Append(line);
  spill_.Append(element);  // right after the line: at offset + record_size
  entry->record_size = static_cast<uint32_t>(line.size());
  entry->element_size = static_cast<uint32_t>(element.size());
}

Status DocumentSet::ReadRecord(const Entry& entry, DocumentRecord* record) {
  std::string line;
  SAGEON_RETURN_IF_ERROR(spill_.Read(entry.offset, entry.record_size, &line));
  std::string error;
  try {
    *record = ParseDocumentRecord(json::parse(line), &error);
  } catch (const json::exception& ex) {
    error = ex.what();
  }
  if (!error.empty()) return DataError("the temporary file of the documents' records: " + error);
  return Status::Ok();
}

void DocumentSet::AddDocument(const DocumentRecord& record) {
  Entry entry;
  entry.line = record.report.line;
  entry.file = static_cast<uint32_t>(FileIndex(record.file));
  entry.input = input_;
  entry.seq = static_cast<uint32_t>(entries_.size());
  entry.status = StatusOf(record.report.status);
  Spill(record, &entry);
  counts_.Add(record.report);
  CountFile(entry.file, entry.status);
  const bool processed = entry.status == DocumentStatus::kProcessed;
  bool processed_before = false;  // another processed document had this id
  if (processed || entry.status == DocumentStatus::kReplaced) {
    bool added = false;
    entry.id = ids_.Intern(record.report.id, &added);
    if (added) {
      id_processed_.push_back(false);
    } else {
      ids_repeat_ = true;
    }
    if (processed) {
      processed_before = id_processed_[entry.id];
      id_processed_[entry.id] = true;
    }
  }
  if (graph_in_order_) {
    const bool in_order =
        entries_.empty() ||
        std::tie(entries_.back().file, entries_.back().line) <= std::tie(entry.file, entry.line);
    if (in_order && !processed_before) {
      if (processed) graph_.AddContribution(record.contribution);
    } else {
      // Finish rebuilds the graph from the spill, in the total order and without replaced ones.
      graph_in_order_ = false;
      graph_ = EventGraph();
    }
  }
  entries_.push_back(entry);
}

Status DocumentSet::AddJsonLine(std::string_view line, const std::string& where) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return Status::Ok();
  json object;
  try {
    object = json::parse(line);
  } catch (const json::parse_error& e) {
    return DataError(where + "not valid JSON (syntax error at byte " + std::to_string(e.byte) +
                     " of the line)");
  }
  if (!object.is_object()) return DataError(where + "not a JSON object");
  const auto kind = object.find("record");
  if (kind == object.end() || !kind->is_string()) {
    return DataError(where +
                     "no \"record\" field: not a line of documents.jsonl or of "
                     "'sageon stream'");
  }
  std::string error;
  if (*kind == kFileRecord) {
    Reader r(&error);
    const auto path = r.Get<std::string>(object, "file");
    const auto reason = r.Get<std::string>(object, "reason");
    if (r.ok()) AddFile(path, reason);
  } else if (*kind == kDocumentRecord) {
    DocumentRecord record = ParseDocumentRecord(object, &error);
    if (error.empty()) AddDocument(record);
  } else {
    error = "unknown record '" + kind->get<std::string>() + "'";
  }
  if (!error.empty()) return DataError(where + error);
  return Status::Ok();
}

Status DocumentSet::AddJsonLines(std::string_view content, const std::string& name) {
  size_t line_number = 0;
  for (size_t pos = 0; pos < content.size();) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    SAGEON_RETURN_IF_ERROR(AddJsonLine(line, name + ":" + std::to_string(line_number) + ": "));
  }
  return Status::Ok();
}

Status DocumentSet::AddInput(const std::string& path) {
  BeginInput();
  // Line by line: a reducer's memory holds one input line at a time, never the whole input.
  auto add_lines = [&](std::istream& in, const std::string& name) {
    std::string line;
    for (size_t line_number = 1; std::getline(in, line); ++line_number) {
      SAGEON_RETURN_IF_ERROR(AddJsonLine(line, name + ":" + std::to_string(line_number) + ": "));
    }
    if (in.bad()) return IoError(name + ": read failed");
    return Status::Ok();
  };
  if (path == "-") return add_lines(std::cin, "(standard input)");
  std::error_code ec;
  std::string file = path;
  if (std::filesystem::is_directory(path, ec)) {
    file = (std::filesystem::path(path) / "documents.jsonl").string();
    if (!std::filesystem::exists(file, ec)) {
      return NotFound(path +
                      ": no documents.jsonl (a folder written by 'sageon run' or "
                      "'sageon merge' holds one; older versions did not write it)");
    }
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return IoError(file + ": cannot open for reading");
  return add_lines(in, file);
}

Status DocumentSet::ReplaceRepeatedIds() {
  // The winner of each id: the latest input, then the latest in the total order.
  auto later = [](const Entry& a, const Entry& b) {
    return std::tie(a.input, a.file, a.line, a.seq) > std::tie(b.input, b.file, b.line, b.seq);
  };
  constexpr size_t kNone = SIZE_MAX;
  std::vector<size_t> winners(ids_.size(), kNone);  // by id: a position in entries_
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (e.status != DocumentStatus::kProcessed) continue;
    size_t& winner = winners[e.id];
    if (winner == kNone || later(e, entries_[winner])) winner = i;
  }
  DocumentRecord record, winner;
  for (size_t i = 0; i < entries_.size(); ++i) {
    Entry& e = entries_[i];
    if (e.status != DocumentStatus::kProcessed && e.status != DocumentStatus::kReplaced) continue;
    const size_t w = winners[e.id];
    if (w == kNone || w == i) continue;
    // Its lines are written again: status and reason change, its contribution goes.
    SAGEON_RETURN_IF_ERROR(ReadRecord(e, &record));
    SAGEON_RETURN_IF_ERROR(ReadRecord(entries_[w], &winner));
    counts_.Remove(record.report);
    CountFile(e.file, e.status, /*remove=*/true);
    record.report.status = "replaced";
    // Always named after the final winner, so merging in any grouping says the same.
    record.report.reason = "replaced by " + winner.report.source;
    record.contribution = GraphContribution{record.report.id, {}, {}};
    e.status = DocumentStatus::kReplaced;
    counts_.Add(record.report);
    CountFile(e.file, e.status);
    Spill(record, &e);
  }
  return spill_.status();
}

Status DocumentSet::Finish() {
  SAGEON_RETURN_IF_ERROR(spill_.status());
  SAGEON_RETURN_IF_ERROR(spill_status_);
  if (ids_repeat_) SAGEON_RETURN_IF_ERROR(ReplaceRepeatedIds());
  auto by_place = [](const Entry& a, const Entry& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  };
  // A run's documents come in order: no sort, and no sort's buffer, is needed.
  if (!std::is_sorted(entries_.begin(), entries_.end(), by_place)) {
    std::stable_sort(entries_.begin(), entries_.end(), by_place);
  }
  if (graph_in_order_) return Status::Ok();
  graph_ = EventGraph();
  DocumentRecord record;
  for (const Entry& e : entries_) {
    if (e.status != DocumentStatus::kProcessed) continue;
    SAGEON_RETURN_IF_ERROR(ReadRecord(e, &record));
    graph_.AddContribution(record.contribution);
  }
  graph_in_order_ = true;
  return Status::Ok();
}

std::vector<std::string> DocumentSet::FilePaths() const {
  std::vector<std::string> out;
  out.reserve(file_paths_.size());
  for (size_t i = 0; i < file_paths_.size(); ++i) {
    out.emplace_back(file_paths_[static_cast<StringPool::Index>(i)]);
  }
  return out;
}

Status DocumentSet::WriteSummary(double seconds, const PieceWriter& write) {
  using Element = std::function<Status(std::string_view)>;
  auto documents = [&](const Element& element) {
    std::string text;
    for (const Entry& e : entries_) {
      SAGEON_RETURN_IF_ERROR(spill_.Read(e.offset + e.record_size, e.element_size, &text));
      SAGEON_RETURN_IF_ERROR(element(text));
    }
    return Status::Ok();
  };
  auto files = [&](const Element& element) {
    for (size_t i = 0; i < files_.size(); ++i) {
      const FileEntry& f = files_[i];
      const FileReport report{std::string(file_paths_[static_cast<StringPool::Index>(i)]),
                              f.reason,
                              f.processed,
                              f.skipped,
                              f.failed,
                              f.replaced};
      SAGEON_RETURN_IF_ERROR(element(SummaryFileElement(report)));
    }
    return Status::Ok();
  };
  auto inputs = [&](const Element& element) {
    for (size_t i = 0; i < file_paths_.size(); ++i) {
      SAGEON_RETURN_IF_ERROR(
          element(SummaryInputElement(file_paths_[static_cast<StringPool::Index>(i)])));
    }
    return Status::Ok();
  };
  PieceBuffer out(write);
  SAGEON_RETURN_IF_ERROR(WriteSummaryJson(counts_, graph_, seconds, documents, files, inputs,
                                          [&](std::string_view piece) {
                                            out.Append(piece);
                                            return Status::Ok();
                                          }));
  return out.Finish();
}

Status DocumentSet::WriteJsonLines(const PieceWriter& write) {
  PieceBuffer out(write);
  std::string line;
  size_t next = 0;
  for (size_t file = 0; file < files_.size(); ++file) {
    out.Append(FileRecordLine(std::string(file_paths_[static_cast<StringPool::Index>(file)]),
                              files_[file].reason));
    out.Append("\n");
    for (; next < entries_.size() && entries_[next].file == file; ++next) {
      const Entry& e = entries_[next];
      SAGEON_RETURN_IF_ERROR(spill_.Read(e.offset, e.record_size, &line));
      out.Append(line);
      out.Append("\n");
    }
  }
  return out.Finish();
}

std::string DocumentSet::RenderJsonLines() {
  std::string out;
  const Status status = WriteJsonLines([&](std::string_view piece) {
    out += piece;
    return Status::Ok();
  });
  return status.ok() ? out : std::string();
}

}  // namespace sageon
