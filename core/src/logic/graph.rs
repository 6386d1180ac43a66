//! The dependency graph: one node per compiled expression (a condition, a
//! calculated value, an expression question) and one per question value.
//! Built once when the survey loads; its topological order lets a state
//! re-evaluate, after an answer changes, exactly the nodes downstream of
//! it, each once, after everything it reads.

use crate::expr::Expr;
use crate::small_sort::sort_small_by;

use super::layout::NodeId;

/// What a node computes.
#[derive(Debug, Clone)]
pub(crate) enum NodeKind {
    /// A condition (`visibleIf`, `enableIf`, `requiredIf`, a choice's
    /// `visibleIf`): a boolean.
    Condition(Expr),
    /// A calculated value or an expression question's value.
    Value(Expr),
    /// A question's value as expressions read it: nothing to evaluate, it
    /// only passes changes on (its answer, its visibility, its hidden choices).
    Question,
}

/// One node: what it computes, what it reads, the element it belongs to
/// and its label in cycle messages (`pages[0].elements[2] "q3".visibleIf`,
/// `{q3}`).
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub reads: Vec<NodeId>,
    pub place: String,
    pub label: String,
}

/// The nodes with their evaluation order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    pub nodes: Vec<Node>,
    /// Node → the nodes that read it.
    pub readers: Vec<Vec<NodeId>>,
    /// Nodes in evaluation order: every node after those it reads.
    pub order: Vec<NodeId>,
    /// Node → its position in `order`.
    pub position: Vec<usize>,
}

impl Graph {
    pub fn add(&mut self, kind: NodeKind, place: String, label: String) -> NodeId {
        self.nodes.push(Node {
            kind,
            reads: Vec::new(),
            place,
            label,
        });
        self.nodes.len() - 1
    }

    /// Computes the evaluation order, or returns every cycle found (each as
    /// its nodes in reading order, starting at its earliest expression node).
    pub fn finish(&mut self) -> Result<(), Vec<Vec<NodeId>>> {
        let n = self.nodes.len();
        self.readers = vec![Vec::new(); n];
        for (id, node) in self.nodes.iter_mut().enumerate() {
            // Not `sort_unstable`: a pdqsort instantiation costs ~3 KB of
            // wasm (see `crate::small_sort`); read lists are short.
            sort_small_by(&mut node.reads, usize::cmp);
            node.reads.dedup();
            for &r in &node.reads {
                self.readers[r].push(id);
            }
        }
        let (order, cycles) = self.sort();
        if !cycles.is_empty() {
            return Err(cycles);
        }
        self.position = vec![0; n];
        for (p, &id) in order.iter().enumerate() {
            self.position[id] = p;
        }
        self.order = order;
        Ok(())
    }

    /// Depth-first post-order over the `reads` edges (iterative, so a long
    /// chain cannot exhaust the stack), collecting back edges as cycles.
    fn sort(&self) -> (Vec<NodeId>, Vec<Vec<NodeId>>) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let n = self.nodes.len();
        let mut mark = vec![Mark::New; n];
        let mut order = Vec::with_capacity(n);
        let mut cycles: Vec<Vec<NodeId>> = Vec::new();
        for root in 0..n {
            if mark[root] != Mark::New {
                continue;
            }
            let mut stack: Vec<(NodeId, usize)> = vec![(root, 0)];
            mark[root] = Mark::Open;
            while let Some(&mut (id, ref mut next)) = stack.last_mut() {
                if let Some(&dep) = self.nodes[id].reads.get(*next) {
                    *next += 1;
                    match mark[dep] {
                        Mark::New => {
                            mark[dep] = Mark::Open;
                            stack.push((dep, 0));
                        }
                        Mark::Open => {
                            let from = stack.iter().position(|&(s, _)| s == dep).unwrap_or(0);
                            let cycle: Vec<NodeId> =
                                stack[from..].iter().map(|&(s, _)| s).collect();
                            self.push_cycle(cycle, &mut cycles);
                        }
                        Mark::Done => {}
                    }
                } else {
                    mark[id] = Mark::Done;
                    order.push(id);
                    stack.pop();
                }
            }
        }
        (order, cycles)
    }

    /// Adds a cycle unless one over the same nodes is known, rotated to
    /// start at its earliest expression node.
    fn push_cycle(&self, cycle: Vec<NodeId>, cycles: &mut Vec<Vec<NodeId>>) {
        let mut key = cycle.clone();
        sort_small_by(&mut key, usize::cmp);
        if cycles.iter().any(|c| {
            let mut k = c.clone();
            sort_small_by(&mut k, usize::cmp);
            k == key
        }) {
            return;
        }
        let is_expr = |id: &NodeId| !matches!(self.nodes[*id].kind, NodeKind::Question);
        let start = cycle
            .iter()
            .enumerate()
            .filter(|(_, id)| is_expr(id))
            .min_by_key(|(_, id)| **id)
            .map_or(0, |(i, _)| i);
        let mut rotated = cycle[start..].to_vec();
        rotated.extend_from_slice(&cycle[..start]);
        cycles.push(rotated);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(usize, usize)], n: usize) -> Graph {
        let mut g = Graph::default();
        for i in 0..n {
            g.add(NodeKind::Question, String::new(), format!("n{i}"));
        }
        for &(from, to) in edges {
            g.nodes[from].reads.push(to);
        }
        g
    }

    #[test]
    fn order_puts_every_node_after_what_it_reads() {
        let mut g = graph(&[(0, 1), (1, 2), (3, 0), (3, 2)], 4);
        g.finish().unwrap();
        for (id, node) in g.nodes.iter().enumerate() {
            for &r in &node.reads {
                assert!(g.position[r] < g.position[id], "{r} before {id}");
            }
        }
        assert_eq!(g.readers[2], [1, 3]);
    }

    #[test]
    fn cycles_are_found_once_each() {
        let mut g = graph(&[(0, 1), (1, 0), (2, 2), (3, 4), (4, 5), (5, 3)], 6);
        let cycles = g.finish().unwrap_err();
        assert_eq!(cycles, vec![vec![0, 1], vec![2], vec![3, 4, 5]]);
    }

    #[test]
    fn a_long_chain_does_not_exhaust_the_stack() {
        let n = 200_000;
        let edges: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
        let mut g = graph(&edges, n);
        g.finish().unwrap();
        assert_eq!(g.order[0], n - 1);
    }
}
