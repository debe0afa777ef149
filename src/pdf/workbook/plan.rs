//! What goes into a workbook, and in what order: the free pages, the chosen
//! groups with their principles and each principle's worked examples, the
//! exercises of those groups, the glossary in the edition's alphabetical
//! order, and the recording templates.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use crate::collate::Order;
use crate::lang::{Lang, Loc};
use crate::markdown::print_anchor;
use crate::model::{Example, Exercise, Form, Group, Kind, Pack, Page, Principle, Term};
use crate::problem::{Code, Problem};

/// A principle with its worked examples: each shown in full where it first
/// appears, and as a reference to that page where a later principle lists it.
pub struct PrincipleEntry<'a> {
    /// The principle.
    pub principle: &'a Principle,
    /// Its examples, and whether this is where each is shown in full.
    pub examples: Vec<(&'a Example, bool)>,
}

/// A group and its principles.
pub struct GroupEntry<'a> {
    /// The group.
    pub group: &'a Group,
    /// Its number among the guide's groups ("Part 2").
    pub number: usize,
    /// Its principles, by number.
    pub principles: Vec<PrincipleEntry<'a>>,
}

/// The content of one workbook.
pub struct Plan<'a> {
    /// The free pages, in order.
    pub pages: Vec<&'a Page>,
    /// The groups shown, in the order of `groups.yaml`.
    pub groups: Vec<GroupEntry<'a>>,
    /// The exercises of the groups shown (and those of no group), by number.
    pub exercises: Vec<&'a Exercise>,
    /// The glossary in the edition's alphabetical order.
    pub glossary: Vec<&'a Term>,
    /// The recording templates.
    pub forms: Vec<&'a Form>,
    /// True when only some groups were asked for.
    pub subset: bool,
    /// Every anchor the workbook will have, so links know what they can reach.
    pub anchors: BTreeSet<String>,
}

impl<'a> Plan<'a> {
    /// The plan of the workbook in `lang` holding the groups `only` (every
    /// group if `None`).
    ///
    /// # Errors
    /// A problem for each id in `only` that is not a group.
    pub fn new(
        pack: &'a Pack,
        lang: Lang,
        only: Option<&[String]>,
    ) -> Result<Plan<'a>, Vec<Problem>> {
        if let Some(only) = only {
            let known: Vec<&str> = pack.groups.iter().map(|g| g.id.as_str()).collect();
            let unknown: Vec<Problem> = only
                .iter()
                .filter(|id| pack.group(id).is_none())
                .map(|id| {
                    Problem::error(
                        Code::WorkbookUnknownGroup,
                        Loc::file(Arc::from(Path::new("content/groups.yaml"))),
                    )
                    .arg("id", id)
                    .arg("known", known.join(", "))
                })
                .collect();
            if !unknown.is_empty() {
                return Err(unknown);
            }
        }
        let wanted = |id: &str| only.is_none_or(|o| o.iter().any(|g| g == id));
        let mut shown_examples: BTreeSet<&str> = BTreeSet::new();
        let mut groups = Vec::new();
        // Parts keep the guide's numbers when some are left out, so a
        // session's workbook and the whole one agree ("Part 4" is Part 4).
        for (index, group) in pack
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| wanted(&g.id))
        {
            let mut principles = Vec::new();
            for principle in pack.principles.iter().filter(|p| p.group.id == group.id) {
                let mut examples = Vec::new();
                for r in &principle.examples {
                    if let Some(example) = pack.example(&r.id) {
                        examples.push((example, shown_examples.insert(&example.id)));
                    }
                }
                principles.push(PrincipleEntry {
                    principle,
                    examples,
                });
            }
            groups.push(GroupEntry {
                group,
                number: index + 1,
                principles,
            });
        }
        // An example no principle lists goes after the first principle it
        // illustrates, so that none is left out.
        for example in &pack.examples {
            if shown_examples.contains(example.id.as_str()) {
                continue;
            }
            let home = example.principles.iter().find_map(|r| {
                groups.iter().enumerate().find_map(|(gi, g)| {
                    g.principles
                        .iter()
                        .position(|p| p.principle.id == r.id)
                        .map(|pi| (gi, pi))
                })
            });
            if let Some((gi, pi)) = home {
                groups[gi].principles[pi].examples.push((example, true));
                shown_examples.insert(&example.id);
            }
        }
        let exercises = pack
            .exercises
            .iter()
            .filter(|x| x.group.as_ref().is_none_or(|g| wanted(&g.id)))
            .collect();
        let order = Order::new(lang);
        let mut glossary: Vec<&Term> = pack.glossary.iter().collect();
        glossary.sort_by(|a, b| order.compare(a.term.get(lang), b.term.get(lang)));
        let mut plan = Plan {
            pages: pack.pages.iter().collect(),
            groups,
            exercises,
            glossary,
            forms: pack.forms.iter().collect(),
            subset: only.is_some(),
            anchors: BTreeSet::new(),
        };
        plan.anchors = plan.anchor_names();
        Ok(plan)
    }

    fn anchor_names(&self) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for p in &self.pages {
            names.insert(print_anchor(Kind::Page, &p.id));
        }
        for g in &self.groups {
            names.insert(group_anchor(&g.group.id));
            for p in &g.principles {
                names.insert(print_anchor(Kind::Principle, &p.principle.id));
                for (e, full) in &p.examples {
                    if *full {
                        names.insert(print_anchor(Kind::Example, &e.id));
                    }
                }
            }
        }
        for x in &self.exercises {
            names.insert(print_anchor(Kind::Exercise, &x.id));
        }
        for t in &self.glossary {
            names.insert(print_anchor(Kind::Glossary, &t.id));
        }
        for f in &self.forms {
            names.insert(print_anchor(Kind::Form, &f.id));
        }
        names
    }

    /// Whether the workbook has the item `kind`/`id`.
    pub fn has(&self, kind: Kind, id: &str) -> bool {
        self.anchors.contains(&print_anchor(kind, id))
    }
}

/// The anchor of a group's opening page.
pub fn group_anchor(id: &str) -> String {
    format!("group-{id}")
}
