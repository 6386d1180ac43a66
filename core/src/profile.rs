//! The interviewer profile kept on the device (name or staff ID, team),
//! set once from the staff menu and stamped on every visit, so the
//! response rate can be reported per interviewer.

use serde::{Deserialize, Serialize};

/// Who uses this device.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The name reports show (王芳).
    pub name: String,
    /// Staff ID, if the programme uses them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub staff_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
}

/// Why a profile was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    #[error("interviewer profile: the name is required")]
    NoName,
    #[error("interviewer profile: {field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
}

const MAX: usize = 60;

impl Profile {
    /// A profile from the form's fields, trimmed and checked.
    pub fn new(name: &str, staff_id: &str, team: &str) -> Result<Profile, ProfileError> {
        let p = Profile {
            name: name.trim().to_owned(),
            staff_id: staff_id.trim().to_owned(),
            team: team.trim().to_owned(),
        };
        if p.name.is_empty() {
            return Err(ProfileError::NoName);
        }
        for (field, value) in [
            ("name", &p.name),
            ("staff ID", &p.staff_id),
            ("team", &p.team),
        ] {
            if value.chars().count() > MAX {
                return Err(ProfileError::TooLong { field, max: MAX });
            }
        }
        Ok(p)
    }

    /// The interviewer as visits record it: "name (ID)" when an ID is set,
    /// so two staff with one name stay apart in the response rate.
    pub fn interviewer(&self) -> String {
        if self.staff_id.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.staff_id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_trimmed_and_the_name_is_required() {
        let p = Profile::new(" 王芳 ", " 0042 ", " 二组 ").unwrap();
        assert_eq!(
            (p.name.as_str(), p.staff_id.as_str(), p.team.as_str()),
            ("王芳", "0042", "二组")
        );
        assert_eq!(p.interviewer(), "王芳 (0042)");
        assert_eq!(Profile::new("李雷", "", "").unwrap().interviewer(), "李雷");
        assert_eq!(Profile::new("  ", "1", "t"), Err(ProfileError::NoName));
        let long = "x".repeat(61);
        assert!(matches!(
            Profile::new("a", "", &long),
            Err(ProfileError::TooLong { field: "team", .. })
        ));
    }

    #[test]
    fn round_trips_without_empty_fields() {
        let p = Profile::new("王芳", "", "").unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"name":"王芳"}"#);
        assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), p);
    }
}
