//! The indicator graph's shape: cycles (a load error, resolved item 8) and
//! an evaluation order in which every indicator comes after its children.

/// The result of one depth-first walk over indicator → child-indicator edges.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Walk {
    /// Children before parents; complete when there is no cycle.
    pub order: Vec<usize>,
    /// Each cycle once, starting at its lowest index, without repeating it.
    pub cycles: Vec<Vec<usize>>,
}

/// Walks `edges` (`edges[i]` = indicators that `i` names as children).
pub(crate) fn walk(edges: &[Vec<usize>]) -> Walk {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(v: usize, edges: &[Vec<usize>], marks: &mut [Mark], stack: &mut Vec<usize>, out: &mut Walk) {
        marks[v] = Mark::Open;
        stack.push(v);
        for &w in &edges[v] {
            match marks[w] {
                Mark::New => visit(w, edges, marks, stack, out),
                Mark::Open => {
                    let start = stack.iter().position(|&x| x == w).expect("an open node is on the stack");
                    let mut cycle = stack[start..].to_vec();
                    let lowest = cycle.iter().enumerate().min_by_key(|(_, &x)| x).map_or(0, |(i, _)| i);
                    cycle.rotate_left(lowest);
                    if !out.cycles.contains(&cycle) {
                        out.cycles.push(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks[v] = Mark::Done;
        out.order.push(v);
    }
    let mut marks = vec![Mark::New; edges.len()];
    let mut out = Walk::default();
    let mut stack = Vec::new();
    for v in 0..edges.len() {
        if marks[v] == Mark::New {
            visit(v, edges, &mut marks, &mut stack, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::type_complexity)]
    fn order_puts_children_first_and_cycles_are_found_once() {
        let cases: &[(&[&[usize]], &[&[usize]])] = &[
            (&[&[1, 2], &[2], &[]], &[]),
            (&[&[0]], &[&[0]]),
            (&[&[1], &[2], &[0]], &[&[0, 1, 2]]),
            (&[&[], &[2], &[1], &[1]], &[&[1, 2]]),
            (&[&[1], &[0, 2], &[1]], &[&[0, 1], &[1, 2]]),
        ];
        for (edges, cycles) in cases {
            let edges: Vec<Vec<usize>> = edges.iter().map(|e| e.to_vec()).collect();
            let got = walk(&edges);
            let want: Vec<Vec<usize>> = cycles.iter().map(|c| c.to_vec()).collect();
            assert_eq!(got.cycles, want, "edges {edges:?}");
            assert_eq!(got.order.len(), edges.len());
            if want.is_empty() {
                for (v, children) in edges.iter().enumerate() {
                    let at = |x| got.order.iter().position(|&y| y == x).unwrap();
                    assert!(children.iter().all(|&c| at(c) < at(v)), "edges {edges:?} order {:?}", got.order);
                }
            }
        }
    }
}
