//! The interface's own strings in zh-CN and English. Survey text is not
//! here: it comes from the survey in the same locale via
//! `LocalizedText::get(locale.code())`. A key enum with one `match` per
//! locale keeps every string checked by the compiler and costs no crate.

/// The interface language. Chinese first: most respondents read it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    /// The locale key surveys use for their translations.
    pub fn code(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-cn",
            Locale::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>`, so screen readers pick a voice.
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Reads a stored locale code; anything unknown means the default.
    pub fn from_code(code: &str) -> Locale {
        if code.eq_ignore_ascii_case("en") {
            Locale::En
        } else {
            Locale::ZhCn
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Locale {
        match self {
            Locale::ZhCn => Locale::En,
            Locale::En => Locale::ZhCn,
        }
    }

    /// "page x of n", spoken by the progress bar.
    pub fn page_of(self, x: usize, n: usize) -> String {
        match self {
            Locale::ZhCn => format!("第 {x} 页，共 {n} 页"),
            Locale::En => format!("Page {x} of {n}"),
        }
    }

    /// The interface string for `key` (the app's `Key`, or another
    /// bundle's key type: the office's).
    pub fn t<K: Text>(self, key: K) -> &'static str {
        key.text(self)
    }
}

/// A key of interface strings, one string per locale. Implemented with
/// `impl_text!` from a key type's two per-locale functions.
pub trait Text {
    fn text(self, locale: Locale) -> &'static str;
}

/// `impl_text!(Key, zh, en)`: implements `Text` for `Key` with `zh(key)`
/// and `en(key)` (here and in the office's own strings).
#[macro_export]
macro_rules! impl_text {
    ($key:ty, $zh:path, $en:path) => {
        impl $crate::i18n::Text for $key {
            fn text(self, locale: $crate::i18n::Locale) -> &'static str {
                match locale {
                    $crate::i18n::Locale::ZhCn => $zh(self),
                    $crate::i18n::Locale::En => $en(self),
                }
            }
        }
    };
}

crate::impl_text!(Key, zh, en);

/// Every interface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    /// The toggle's text: the name of the language it switches to.
    LangToggle,
    LangToggleLabel,
    SurveysHeading,
    NoSurveys,
    Completed,
    Open,
    Export,
    LoadHeading,
    LoadHint,
    LoadErrors,
    Loaded,
    FileUnreadable,
    Next,
    Back,
    Complete,
    NotANumber,
    Select,
    Yes,
    No,
    MoveUp,
    MoveDown,
    KeepOrder,
    RankingHint,
    Thanks,
    ThanksBody,
    Score,
    Total,
    Grade,
    Indicators,
    NoValue,
    ScoreFailed,
    NewResponse,
    Home,
    NotSaved,
    Backup,
    StorageNotice,
    MovedAside,
    CouldNotMove,
    DatabaseReset,
    SampleFailed,
    SurveyNotFound,
    RequiredMark,
    Saving,
    Saved,
    SaveFailed,
    StorageStatus,
    Persisted,
    NotPersisted,
    StorageUsed,
    StorageAvailable,
    Unexported,
    UpdateReady,
    Update,
    UpdateWaitsForSave,
    Field(crate::i18n_field::FieldKey),
    // Question types (issue 7).
    AddRow,
    RemoveRow,
    AddPanel,
    RemovePanel,
    PanelNumber,
    RowNumber,
    Search,
    RemoveTag,
    NoMatches,
    ClearSignature,
    SignatureHint,
    OtherText,
    PhotoResizing,
    PhotoSaved,
    PhotoRemove,
    PhotoAlt,
    PhotoTooLarge,
    PhotoOverLimit,
    PhotoUnreadable,
    PhotoNotSaved,
    ExportZip,
}

fn zh(key: Key) -> &'static str {
    match key {
        Key::AppTitle => "Canvass 问卷",
        Key::LangToggle => "English",
        Key::LangToggleLabel => "Switch to English",
        Key::SurveysHeading => "问卷",
        Key::NoSurveys => "还没有问卷。",
        Key::Completed => "已完成：",
        Key::Open => "开始填写",
        Key::Export => "导出 JSON",
        Key::LoadHeading => "从本地 JSON 文件加载问卷",
        Key::LoadHint => "选择一个问卷定义文件（.json）。",
        Key::LoadErrors => "问卷无法加载：",
        Key::Loaded => "已加载：",
        Key::FileUnreadable => "无法读取该文件",
        Key::Next => "下一页",
        Key::Back => "上一页",
        Key::Complete => "提交",
        Key::NotANumber => "请输入数字",
        Key::Select => "请选择…",
        Key::Yes => "是",
        Key::No => "否",
        Key::MoveUp => "上移",
        Key::MoveDown => "下移",
        Key::KeepOrder => "保持此顺序",
        Key::RankingHint => "用上移、下移按钮排列顺序，最重要的放在最上面。",
        Key::Thanks => "感谢您的参与！",
        Key::ThanksBody => "您的回答已保存在本设备上。",
        Key::Score => "总分",
        Key::Total => "原始总分",
        Key::Grade => "等级",
        Key::Indicators => "各项指标得分",
        Key::NoValue => "—",
        Key::ScoreFailed => "无法计算得分：",
        Key::NewResponse => "再填一份",
        Key::Home => "返回首页",
        Key::NotSaved => "未保存 — 存储空间已满或不可用。回答仍保留在本页面中，请立即下载备份。",
        Key::Backup => "下载备份",
        Key::StorageNotice => "存储提示：",
        Key::MovedAside => "无法读取，已移至",
        Key::CouldNotMove => "无法读取，也无法移走，保留在原处：",
        Key::DatabaseReset => "本机数据库打开时为空（浏览器发现其损坏已重置，或已被删除）；已从第二份副本恢复的记录数：",
        Key::SampleFailed => "内置示例问卷无法加载：",
        Key::SurveyNotFound => "找不到该问卷。",
        Key::RequiredMark => "（必答）",
        Key::Saving => "正在保存…",
        Key::Saved => "已保存",
        Key::SaveFailed => "未保存：",
        Key::StorageStatus => "本机存储",
        Key::Persisted => "已获准持久保存：浏览器不会自动清除这些数据。",
        Key::NotPersisted => "未获准持久保存：存储空间紧张时浏览器可能清除数据，请及时导出。",
        Key::StorageUsed => "已用",
        Key::StorageAvailable => "可用",
        Key::Unexported => "尚未导出的回答：",
        Key::UpdateReady => "有新版本可用。",
        Key::Update => "更新",
        Key::UpdateWaitsForSave => "有回答尚未保存，请先下载备份再更新。",
        Key::Field(k) => crate::i18n_field::zh(k),
        Key::AddRow => "添加一行",
        Key::RemoveRow => "删除此行",
        Key::AddPanel => "添加一项",
        Key::RemovePanel => "删除此项",
        Key::PanelNumber => "第 {} 项",
        Key::RowNumber => "第 {} 行",
        Key::Search => "搜索选项",
        Key::RemoveTag => "移除",
        Key::NoMatches => "没有匹配的选项",
        Key::ClearSignature => "清除签名",
        Key::SignatureHint => "请在框内用手指或鼠标签名",
        Key::OtherText => "请填写其他内容",
        Key::PhotoResizing => "正在压缩并保存照片…",
        Key::PhotoSaved => "照片已保存",
        Key::PhotoRemove => "删除照片",
        Key::PhotoAlt => "照片 {}",
        Key::PhotoTooLarge => "照片压缩后为 {}，超过本题上限 {}，未添加。",
        Key::PhotoOverLimit => "本答卷的照片将达 {}，超过上限 {}，未添加。请先删除部分照片。",
        Key::PhotoUnreadable => "无法读取此图片，未添加：",
        Key::PhotoNotSaved => "照片未能保存，未添加：",
        Key::ExportZip => "导出含照片 (ZIP)",
    }
}

fn en(key: Key) -> &'static str {
    match key {
        Key::AppTitle => "Canvass surveys",
        Key::LangToggle => "中文",
        Key::LangToggleLabel => "切换到中文",
        Key::SurveysHeading => "Surveys",
        Key::NoSurveys => "No surveys yet.",
        Key::Completed => "Completed: ",
        Key::Open => "Open",
        Key::Export => "Export JSON",
        Key::LoadHeading => "Load a survey from a local JSON file",
        Key::LoadHint => "Choose a survey definition file (.json).",
        Key::LoadErrors => "The survey could not be loaded:",
        Key::Loaded => "Loaded:",
        Key::FileUnreadable => "The file could not be read",
        Key::Next => "Next",
        Key::Back => "Back",
        Key::Complete => "Complete",
        Key::NotANumber => "Enter a number",
        Key::Select => "Select…",
        Key::Yes => "Yes",
        Key::No => "No",
        Key::MoveUp => "Move up",
        Key::MoveDown => "Move down",
        Key::KeepOrder => "Keep this order",
        Key::RankingHint => "Order the items with the up and down buttons, most important first.",
        Key::Thanks => "Thank you!",
        Key::ThanksBody => "Your answers are saved on this device.",
        Key::Score => "Score",
        Key::Total => "Raw total",
        Key::Grade => "Grade",
        Key::Indicators => "Scores by indicator",
        Key::NoValue => "—",
        Key::ScoreFailed => "The score could not be computed:",
        Key::NewResponse => "New response",
        Key::Home => "Home",
        Key::NotSaved => "Not saved — storage is full or unavailable. Your answers are kept on this page only; download a backup now.",
        Key::Backup => "Download backup",
        Key::StorageNotice => "Storage notice:",
        Key::MovedAside => "could not be read and was moved to",
        Key::CouldNotMove => "could not be read, nor moved aside; left in place:",
        Key::DatabaseReset => "The database opened empty (the browser reset it as corrupt, or it was deleted); records restored from the second copy:",
        Key::SampleFailed => "A bundled sample survey does not load:",
        Key::SurveyNotFound => "Survey not found.",
        Key::RequiredMark => "(required)",
        Key::Saving => "Saving…",
        Key::Saved => "Saved",
        Key::SaveFailed => "Not saved:",
        Key::StorageStatus => "Storage on this device",
        Key::Persisted => "Persistent storage granted: the browser will not clear this data by itself.",
        Key::NotPersisted => "Persistent storage not granted: the browser may clear this data when space runs low; export often.",
        Key::StorageUsed => "Used",
        Key::StorageAvailable => "Available",
        Key::Unexported => "Responses not yet exported: ",
        Key::UpdateReady => "A new version is available.",
        Key::Update => "Update",
        Key::UpdateWaitsForSave => "Some answers are not saved; download a backup before updating.",
        Key::Field(k) => crate::i18n_field::en(k),
        Key::AddRow => "Add a row",
        Key::RemoveRow => "Remove this row",
        Key::AddPanel => "Add an entry",
        Key::RemovePanel => "Remove this entry",
        Key::PanelNumber => "Entry {}",
        Key::RowNumber => "Row {}",
        Key::Search => "Search the options",
        Key::RemoveTag => "Remove",
        Key::NoMatches => "No matching options",
        Key::ClearSignature => "Clear signature",
        Key::SignatureHint => "Sign in the box with a finger or the mouse",
        Key::OtherText => "Please describe",
        Key::PhotoResizing => "Resizing and saving the photo…",
        Key::PhotoSaved => "Photo saved",
        Key::PhotoRemove => "Remove photo",
        Key::PhotoAlt => "Photo {}",
        Key::PhotoTooLarge => "The photo is {} after resizing, over this question's limit of {}; it was not added.",
        Key::PhotoOverLimit => "The photos of this response would take {}, over the limit of {}; it was not added. Remove some photos first.",
        Key::PhotoUnreadable => "This image could not be read and was not added:",
        Key::PhotoNotSaved => "The photo could not be saved and was not added:",
        Key::ExportZip => "Export with photos (ZIP)",
    }
}
