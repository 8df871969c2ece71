// Stage 7: the event/actor graph, merged across documents by canonical id. Actor nodes are the
// people, organizations and products that take part in at least one event; event nodes are the
// events. An actor–event edge carries the actor's role; an actor–actor edge is weighted by the
// number of events the two share. Everything it returns is sorted by id, so output is
// deterministic.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/document.h"

namespace sageon {

// FNV-1a, 64 bits: stable across platforms, runs and builds, unlike std::hash. Event ids are made
// from it, so an event keeps its id from one run to the next, and so are shards (batch.h), so a
// document stays in its shard on every machine.
uint64_t Fnv1a64(std::string_view data);

struct GraphEntity {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string name;
  std::set<std::string> aliases;
  uint64_t mention_count = 0;
  std::set<std::string> documents;
};

struct GraphEventActor {
  std::string entity_id;
  Role role = Role::kParticipant;
  friend auto operator<=>(const GraphEventActor&, const GraphEventActor&) = default;
};

struct GraphEvent {
  std::string id;  // "event:" + a hash of type, date and actors: the same event told twice meets
  std::string type;
  std::string trigger;  // the trigger lemma
  Realis realis = Realis::kActual;
  bool is_interval = false;
  TimeValue value;
  std::optional<TimeValue> from, to;
  std::vector<GraphEventActor> actors;  // sorted, unique
  std::set<std::string> documents;
  std::string first_document;  // the document and sentence that first told it
  std::string sentence;

  // The day (or first day) the event happened, for sorting and for GEXF spells: "2023-11-17".
  std::string StartIso() const;
  std::string EndIso() const;     // the last day, inclusive
  std::string DateLabel() const;  // value, or "from/to"
};

struct GraphEdge {
  std::string source;
  std::string target;
  bool directed = false;
  std::string label;  // the role for actor–event edges, "shares events" for actor–actor edges
  double weight = 1;
};

// What one processed document gives the graph, and all it gives: its entities under their
// canonical ids and its events with their dates, actors and sentence. A contribution is small and
// self-contained, so it can be written out (documents.jsonl), sent between machines, and the
// graph rebuilt from contributions alone, which is what `sageon merge` does.
struct ContributionEntity {
  std::string id;  // canonical, never empty
  EntityType type = EntityType::kPerson;
  std::string name;
  std::vector<std::string> aliases;
  uint64_t mention_count = 0;
};

struct ContributionEvent {
  std::string type;
  std::string trigger;  // the trigger lemma
  Realis realis = Realis::kActual;
  bool is_interval = false;
  TimeValue value;
  std::optional<TimeValue> from, to;
  std::vector<GraphEventActor> actors;  // sorted by entity id, unique, at least one
  std::string sentence;                 // on one line

  // "event:" + a hash of type, date, actors and realis: the id of the GraphEvent it becomes.
  std::string Id() const;
  std::string DateLabel() const;  // value, or "from/to"
};

struct GraphContribution {
  std::string document_id;
  std::vector<ContributionEntity> entities;
  std::vector<ContributionEvent> events;
};

// The contribution of a processed document: entities without a canonical id, and events without a
// date or without an actor that has one, are left out, as the graph always left them out.
GraphContribution MakeContribution(const Document& doc);

class EventGraph {
 public:
  // Adds a processed document's entities and events: AddContribution(MakeContribution(doc)).
  // Adding in any order gives the same graph.
  void AddDocument(const Document& doc);
  void AddContribution(const GraphContribution& contribution);

  // Every entity of every document (not only actors), sorted by id.
  std::vector<const GraphEntity*> Entities() const;
  // Events sorted by start date, then id.
  std::vector<const GraphEvent*> Events() const;
  // The actor nodes: entities of type PERSON, ORG or PRODUCT taking part in at least one event.
  std::vector<const GraphEntity*> Actors() const;
  // Actor–event edges, then actor–actor edges, each sorted.
  std::vector<GraphEdge> Edges() const;

  const GraphEntity* FindEntity(const std::string& id) const;

 private:
  std::map<std::string, GraphEntity> entities_;
  std::map<std::string, GraphEvent> events_;
};

}  // namespace sageon
