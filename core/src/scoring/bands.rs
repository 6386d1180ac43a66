//! Grade bands (等级, DOMAIN "Grades" and resolved item 11): thresholds on
//! the overall score or on the raw total.

use crate::survey::{Band, GradeBasis, GradeSpec, LocalizedText};

use super::error::CompileError;

/// Minimums are reached within this absolute tolerance.
pub const BAND_TOLERANCE: f64 = 1e-9;

/// Compiled grading: the basis and the bands, highest minimum first, the
/// band without a minimum (if any) last.
#[derive(Debug, Clone, PartialEq)]
pub struct Grading {
    pub basis: GradeBasis,
    pub bands: Vec<Band>,
}

impl Grading {
    /// The highest band whose minimum `value` reaches (within 1e-9), else
    /// the band without a minimum, else none.
    pub fn grade(&self, value: f64) -> Option<&Band> {
        self.bands.iter().find(|b| b.min.is_none_or(|min| value >= min - BAND_TOLERANCE))
    }

    /// The lowest band: a grade here flags the response for follow-up.
    pub fn lowest(&self) -> Option<&Band> {
        self.bands.last()
    }
}

/// The default bands of the score basis: 优 ≥ 90, 良 ≥ 80, 中 ≥ 70, 可 ≥ 60, 差 below.
pub fn default_bands() -> Vec<Band> {
    [("优", "Excellent", Some(90.0)), ("良", "Good", Some(80.0)), ("中", "Fair", Some(70.0)), ("可", "Pass", Some(60.0)), ("差", "Poor", None)]
        .into_iter()
        .map(|(name, english, min)| {
            let mut title = LocalizedText::plain(name);
            title.0.insert("zh-cn".to_owned(), name.to_owned());
            title.0.insert("en".to_owned(), english.to_owned());
            Band { name: name.to_owned(), title, min }
        })
        .collect()
}

/// Checks and orders the bands of `spec`; `None` when the survey asks for no grades.
pub(crate) fn compile(spec: Option<&GradeSpec>) -> Result<Option<Grading>, Vec<CompileError>> {
    let Some(spec) = spec else { return Ok(None) };
    if spec.bands.is_empty() {
        return match spec.basis {
            GradeBasis::Score => Ok(Some(Grading { basis: spec.basis, bands: default_bands() })),
            GradeBasis::Total => Err(vec![CompileError::BandsRequired]),
        };
    }
    let mut errors = Vec::new();
    let place = |i: usize, band: &Band| format!("scoring.grades.bands[{i}] {:?}", band.name);
    for (i, band) in spec.bands.iter().enumerate() {
        let earlier = &spec.bands[..i];
        if let Some(other) = earlier.iter().position(|b| b.name == band.name) {
            errors.push(CompileError::DuplicateBandName { place: place(i, band), other });
        }
        match band.min {
            Some(min) if !min.is_finite() => errors.push(CompileError::BadBandMin { place: place(i, band), min }),
            Some(min) => {
                let same = |b: &Band| b.min.is_some_and(|m| (m - min).abs() <= BAND_TOLERANCE);
                if let Some(other) = earlier.iter().position(same) {
                    errors.push(CompileError::DuplicateBandMin { place: place(i, band), min, other });
                }
            }
            None => {
                if let Some(other) = earlier.iter().position(|b| b.min.is_none()) {
                    errors.push(CompileError::SecondOpenBand { place: place(i, band), other });
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut bands = spec.bands.clone();
    crate::small_sort::sort_small_by(&mut bands, |a, b| match (a.min, b.min) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(Some(Grading { basis: spec.basis, bands }))
}
