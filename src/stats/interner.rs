//! Strings a table of observations meets many times (regions, sources,
//! files, units), each stored once.

use super::Id;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// Strings seen many times (regions, sources), stored once, one after another
/// in one buffer; ids are found by the string's hash in a table that holds only
/// ids. A new string allocates nothing but the buffers' growth (a long file
/// ordered by indicator meets thousands of regions in every block).
#[derive(Debug, Default, Clone)]
pub struct Interner {
    text: String,
    /// Where each string ends in `text`; string `i` starts where `i - 1` ends.
    ends: Vec<usize>,
    ids: hashbrown::HashTable<Id>,
}

impl Interner {
    pub fn intern(&mut self, name: &str) -> Id {
        let hash = FxBuildHasher.hash_one(name);
        let (text, ends) = (&self.text, &self.ends);
        if let Some(&id) = self.ids.find(hash, |&id| string_at(text, ends, id) == name) {
            return id;
        }
        let id = self.ends.len() as Id;
        self.text.push_str(name);
        self.ends.push(self.text.len());
        let (text, ends) = (&self.text, &self.ends);
        self.ids.insert_unique(hash, id, |&id| {
            FxBuildHasher.hash_one(string_at(text, ends, id))
        });
        id
    }

    pub fn get(&self, id: Id) -> &str {
        string_at(&self.text, &self.ends, id)
    }

    /// How many strings are held.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Room for `n` more strings.
    pub(super) fn reserve(&mut self, n: usize) {
        self.ends.reserve(n);
        let (text, ends) = (&self.text, &self.ends);
        self.ids
            .reserve(n, |&id| FxBuildHasher.hash_one(string_at(text, ends, id)));
    }

    /// Interns every string of `other`, in its order: `other`'s id `i` becomes
    /// the returned `[i]`.
    pub(super) fn intern_all(&mut self, other: &Interner) -> Vec<Id> {
        (0..other.len() as Id)
            .map(|id| self.intern(other.get(id)))
            .collect()
    }
}

/// String `id` of an [`Interner`]'s buffer; "" for an id it does not hold.
fn string_at<'t>(text: &'t str, ends: &[usize], id: Id) -> &'t str {
    let id = id as usize;
    let Some(&end) = ends.get(id) else {
        return "";
    };
    let start = id.checked_sub(1).map_or(0, |i| ends[i]);
    text.get(start..end).unwrap_or("")
}
