#include "sageon/export/document_set.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
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
#include <unordered_map>
#include <utility>

namespace sageon {

namespace {

// Written in a fixed key order so a line reads naturally and the bytes never change; read by key.
using OrderedJson = nlohmann::ordered_json;
using nlohmann::json;

constexpr char kFileRecord[] = "file";
constexpr char kDocumentRecord[] = "document";

std::string Dump(const OrderedJson& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

OrderedJson TimeValueJson(const TimeValue& v) {
  const DateTime& t = v.time;
  OrderedJson out{{"time", {t.year, t.month, t.day, t.hour, t.minute, t.second}},
                  {"grain", std::string(GrainName(v.grain))}};
  if (!v.mod.empty()) out["mod"] = v.mod;
  return out;
}

OrderedJson EventJson(const ContributionEvent& e) {
  OrderedJson actors = OrderedJson::array();
  for (const GraphEventActor& a : e.actors) {
    actors.push_back({{"entity", a.entity_id}, {"role", std::string(RoleName(a.role))}});
  }
  // The id is written for readers (it is events.csv's node id); reading recomputes it.
  OrderedJson out{{"id", e.Id()},
                  {"type", e.type},
                  {"trigger", e.trigger},
                  {"realis", std::string(RealisName(e.realis))},
                  {"interval", e.is_interval},
                  {"value", TimeValueJson(e.value)}};
  if (e.from) out["from"] = TimeValueJson(*e.from);
  if (e.to) out["to"] = TimeValueJson(*e.to);
  out["actors"] = std::move(actors);
  out["sentence"] = e.sentence;
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
  OrderedJson out{{"record", kDocumentRecord}, {"id", r.id},     {"source", r.source},
                  {"file", record.file},       {"line", r.line}, {"status", r.status}};
  if (!r.reason.empty()) out["reason"] = r.reason;
  out["encoding"] = r.encoding;
  out["replaced_bytes"] = r.replaced_bytes;
  out["warnings"] = r.warnings;
  out["reference_date"] = r.reference;
  out["reference_inferred"] = r.reference_inferred;
  out["counts"] = OrderedJson{{"characters", r.characters}, {"sentences", r.sentences},
                              {"tokens", r.tokens},         {"dates", r.dates},
                              {"entities", r.entities},     {"mentions", r.mentions},
                              {"events", r.events}};
  OrderedJson entities = OrderedJson::array();
  for (const ContributionEntity& e : record.contribution.entities) {
    entities.push_back({{"id", e.id},
                        {"type", std::string(EntityTypeName(e.type))},
                        {"name", e.name},
                        {"aliases", e.aliases},
                        {"mentions", e.mention_count}});
  }
  OrderedJson events = OrderedJson::array();
  for (const ContributionEvent& e : record.contribution.events) events.push_back(EventJson(e));
  out["entities"] = std::move(entities);
  out["events"] = std::move(events);
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

size_t DocumentSet::FileIndex(const std::string& path) {
  auto [it, inserted] = file_index_.try_emplace(path, files_.size());
  if (inserted) files_.push_back(FileEntry{path, {}});
  return it->second;
}

void DocumentSet::AddFile(const std::string& path, const std::string& reason) {
  FileEntry& file = files_[FileIndex(path)];
  if (file.reason.empty()) file.reason = reason;
}

void DocumentSet::AddDocument(const DocumentRecord& record) {
  const size_t file = FileIndex(record.file);
  const std::string line = DocumentRecordLine(record);
  const uint64_t offset = spill_.Append(line);
  if (graph_in_order_) {
    const bool in_order =
        entries_.empty() || std::tie(entries_.back().file, entries_.back().report.line) <=
                                std::tie(file, record.report.line);
    const bool processed = record.report.status == "processed";
    if (in_order && (!processed || processed_ids_.insert(record.report.id).second)) {
      if (processed) graph_.AddContribution(record.contribution);
    } else {
      // Finish rebuilds the graph from the spill, in the total order and without replaced ones.
      graph_in_order_ = false;
      graph_ = EventGraph();
      processed_ids_ = {};
    }
  }
  entries_.push_back(Entry{record.report, input_, file, entries_.size(), offset, line.size()});
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

Status DocumentSet::Finish() {
  SAGEON_RETURN_IF_ERROR(spill_.status());
  // The winner of each id: the latest input, then the latest in the total order.
  auto later = [](const Entry& a, const Entry& b) {
    return std::tie(a.input, a.file, a.report.line, a.seq) >
           std::tie(b.input, b.file, b.report.line, b.seq);
  };
  std::unordered_map<std::string_view, const Entry*> winners;
  for (const Entry& e : entries_) {
    if (e.report.status != "processed") continue;
    auto [it, inserted] = winners.try_emplace(e.report.id, &e);
    if (!inserted && later(e, *it->second)) it->second = &e;
  }
  std::vector<std::pair<Entry*, std::string>> replaced;
  for (Entry& e : entries_) {
    const std::string& status = e.report.status;
    if (status != "processed" && status != "replaced") continue;
    const auto it = winners.find(e.report.id);
    if (it == winners.end() || it->second == &e) continue;
    // Always named after the final winner, so merging in any grouping says the same.
    replaced.emplace_back(&e, "replaced by " + it->second->report.source);
  }
  winners.clear();  // it points into entries_, which the sort below moves
  for (auto& [entry, reason] : replaced) {
    entry->report.status = "replaced";
    entry->report.reason = std::move(reason);
    entry->rewritten = true;
  }
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.file, a.report.line) < std::tie(b.file, b.report.line);
  });
  if (graph_in_order_) return Status::Ok();
  graph_ = EventGraph();
  std::string line;
  for (const Entry& e : entries_) {
    if (e.report.status != "processed") continue;
    SAGEON_RETURN_IF_ERROR(spill_.Read(e.offset, e.size, &line));
    std::string error;
    DocumentRecord record;
    try {
      record = ParseDocumentRecord(json::parse(line), &error);
    } catch (const json::exception& ex) {
      error = ex.what();
    }
    if (!error.empty()) return DataError("the temporary file of the documents' records: " + error);
    graph_.AddContribution(record.contribution);
  }
  graph_in_order_ = true;
  return Status::Ok();
}

std::vector<std::string> DocumentSet::FilePaths() const {
  std::vector<std::string> out;
  out.reserve(files_.size());
  for (const FileEntry& f : files_) out.push_back(f.path);
  return out;
}

RunSummary DocumentSet::BuildSummary() const {
  RunSummary summary;
  for (const FileEntry& f : files_) {
    const size_t index = summary.AddFile(f.path);
    if (!f.reason.empty()) summary.SetFileReason(index, f.reason);
  }
  for (const Entry& e : entries_) {
    DocumentReport report = e.report;
    report.file = e.file;
    summary.AddReport(std::move(report));
  }
  return summary;
}

Status DocumentSet::WriteJsonLines(const std::function<Status(std::string_view)>& write) {
  constexpr size_t kPiece = size_t{1} << 20;
  std::string out;
  std::string line;
  auto put = [&](std::string_view text) {
    out += text;
    out += '\n';
    if (out.size() < kPiece) return Status::Ok();
    Status status = write(out);
    out.clear();
    return status;
  };
  size_t next = 0;
  for (size_t file = 0; file < files_.size(); ++file) {
    SAGEON_RETURN_IF_ERROR(put(FileRecordLine(files_[file].path, files_[file].reason)));
    for (; next < entries_.size() && entries_[next].file == file; ++next) {
      const Entry& e = entries_[next];
      if (e.rewritten) {
        line = DocumentRecordLine(
            DocumentRecord{e.report, files_[file].path, GraphContribution{e.report.id, {}, {}}});
      } else {
        SAGEON_RETURN_IF_ERROR(spill_.Read(e.offset, e.size, &line));
      }
      SAGEON_RETURN_IF_ERROR(put(line));
    }
  }
  return out.empty() ? Status::Ok() : write(out);
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
