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
#include "sageon/graph/string_pool.h"

namespace sageon {

// FNV-1a, 64 bits: stable across platforms, runs and builds, unlike std::hash. Event ids are made
// from it, so an event keeps its id from one run to the next, and so are shards (batch.h), so a
// document stays in its shard on every machine.
uint64_t Fnv1a64(std::string_view data);

// A document, as the graph names it: its id is stored once (EventGraph::DocumentId), and every
// entity and event lists its documents by this number, so the graph's memory grows by 4 bytes for
// each document an entity is named in rather than by a copy of the id.
using DocumentIndex = StringPool::Index;

struct GraphEntity {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string name;
  std::set<std::string> aliases;
  uint64_t mention_count = 0;
  // The documents that name it, each once, in the order they came (EventGraph::DocumentIds gives
  // their ids sorted), and the one with the smallest id, whose name is canonical.
  std::vector<DocumentIndex> documents;
  DocumentIndex first_document = 0;
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
  std::vector<GraphEventActor> actors;   // sorted, unique
  std::vector<DocumentIndex> documents;  // as GraphEntity::documents
  DocumentIndex first_document = 0;      // the document (smallest id) and sentence that told it
  std::string sentence;

  // The day (or first day) the event happened, for sorting and for GEXF spells: "2023-11-17".
  std::string StartIso() const;
  std::string EndIso() const;     // the last day, inclusive
  std::string DateLabel() const;  // value, or "from/to"
};

// An edge names its ends by the ids the graph holds: it is valid while the graph is unchanged.
struct GraphEdge {
  std::string_view source;
  std::string_view target;
  bool directed = false;
  std::string_view label;  // the role for actor–event edges, "shares events" for actor–actor edges
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

  const GraphEntity* FindEntity(std::string_view id) const;
  const GraphEvent* FindEvent(std::string_view id) const;

  // The id of a document of the graph (GraphEntity::documents, GraphEvent::documents).
  std::string_view DocumentId(DocumentIndex document) const { return document_ids_[document]; }
  // The ids of `documents`, sorted.
  std::vector<std::string_view> DocumentIds(const std::vector<DocumentIndex>& documents) const;

 private:
  std::map<std::string, GraphEntity, std::less<>> entities_;
  std::map<std::string, GraphEvent, std::less<>> events_;
  StringPool document_ids_;
};

}  // namespace sageon
