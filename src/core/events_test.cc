#include "entente/events.h"

#include <gtest/gtest.h>

#include "entente/io.h"

namespace entente {
namespace {

const char kScenario[] = R"(entente: 1
title: "Events"
issues:
  - id: timing
    label: "Timing"
    scale: {min: 0, max: 100}
  - id: map
    label: "MAP"
    scale: {min: 0, max: 10}
actors:
  - id: rus
    name: "Russia"
    capability: 10
    stances:
      timing: [0, 0.9]
  - id: deu
    name: "Germany"
    capability: 5
    stances:
      timing: [30, 0.5]
      map: [2, 0.4]
events:
  - id: mutiny
    label: "Mutiny"
    changes:
      - {actor: rus, capability: {scale: 0.5}}
      - {actor: deu, issue: timing, position: {shift: 90}}
      - {actor: deu, issue: timing, salience: {set: 0.7}}
  - id: off
    label: "Disabled by default"
    enabled: false
    changes:
      - {actor: deu, capability: {shift: -100}}
  - id: later
    label: "Before round 2"
    round: 2
    changes:
      - {actor: deu, issue: timing, salience: {shift: -0.6}}
      - {actor: deu, issue: map, position: {set: 9}}
      - {actor: rus, capability: {set: 4}}
)";

Scenario Load() {
  Result<Scenario> r = ParseScenarioYaml(kScenario, "events.yaml");
  EXPECT_TRUE(r.ok()) << r.status().message();
  return *r;
}

TEST(ApplyEvents, AppliesEnabledRoundZeroEventsAndKeepsLaterOnes) {
  const Scenario base = Load();
  Result<Scenario> r = ApplyEvents(base, EventSelection::Enabled());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r->actors[0].capability, 5.0);     // scaled by 0.5
  EXPECT_DOUBLE_EQ(r->actors[1].capability, 5.0);     // 'off' not applied
  EXPECT_DOUBLE_EQ(r->stances[0][1]->position, 100);  // 30 + 90, clamped to the scale
  EXPECT_DOUBLE_EQ(r->stances[0][1]->salience, 0.7);
  ASSERT_EQ(r->events.size(), 1u);
  EXPECT_EQ(r->events[0].id, "later");
  // The input is unchanged.
  EXPECT_DOUBLE_EQ(base.actors[0].capability, 10.0);
}

TEST(ApplyEvents, NoneLeavesInputsAndDropsEvents) {
  Result<Scenario> r = ApplyEvents(Load(), EventSelection::None());
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->actors[0].capability, 10.0);
  EXPECT_DOUBLE_EQ(r->stances[0][1]->position, 30);
  EXPECT_TRUE(r->events.empty());
}

TEST(ApplyEvents, NamedPicksDisabledEventsAndClampsCapabilityAtZero) {
  Result<Scenario> r = ApplyEvents(Load(), EventSelection::Named({"off"}));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->actors[0].capability, 10.0);  // 'mutiny' not named
  EXPECT_DOUBLE_EQ(r->actors[1].capability, 0.0);   // 5 - 100 clamped to 0
  EXPECT_TRUE(r->events.empty());
}

TEST(ApplyEvents, UnknownNameListsKnownIds) {
  Result<Scenario> r = ApplyEvents(Load(), EventSelection::Named({"mutiny", "wagner"}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "unknown event 'wagner'; the scenario declares: mutiny, off, later");
}

TEST(ApplyEvents, ChangeForMissingStanceIsInvalidArgument) {
  Scenario s = Load();
  s.events[0].changes[1].actor = "rus";
  s.events[0].changes[1].issue = "map";  // rus has no stance on map
  Result<Scenario> r = ApplyEvents(s, EventSelection::Enabled());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "event 'mutiny': 'rus' has no stance on 'map'");
}

TEST(ApplyEventToTable, AppliesChangesForThisIssueOnly) {
  const Scenario s = Load();
  IssueTable timing = MakeIssueTable(s, 0);
  ApplyEventToTable(s.events[2], timing);
  EXPECT_DOUBLE_EQ(timing.salience[1], 0.0);  // 0.5 - 0.6 clamped to 0
  EXPECT_DOUBLE_EQ(timing.position[1], 30);   // the map change is for another issue
  EXPECT_DOUBLE_EQ(timing.capability[0], 4);  // capability changes apply on every issue

  IssueTable map = MakeIssueTable(s, 1);
  ASSERT_EQ(map.size(), 1u);  // only deu has a stance on map
  ApplyEventToTable(s.events[2], map);
  EXPECT_DOUBLE_EQ(map.position[0], 9);
  EXPECT_DOUBLE_EQ(map.salience[0], 0.4);
}

TEST(ApplyChangeOp, SetShiftScale) {
  EXPECT_DOUBLE_EQ(ApplyChangeOp(EventChange::Op::kSet, 3, 7), 7);
  EXPECT_DOUBLE_EQ(ApplyChangeOp(EventChange::Op::kShift, 3, 7), 10);
  EXPECT_DOUBLE_EQ(ApplyChangeOp(EventChange::Op::kScale, 3, 7), 21);
}

TEST(EventIdsText, CommaSeparatedInOrderOrNone) {
  EXPECT_EQ(EventIdsText({}), "none");
  Event a, b;
  a.id = "wagner-mutiny";
  b.id = "macron-globsec";
  EXPECT_EQ(EventIdsText({a}), "wagner-mutiny");
  EXPECT_EQ(EventIdsText({b, a}), "macron-globsec,wagner-mutiny");
}

}  // namespace
}  // namespace entente
