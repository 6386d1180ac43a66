fn main() {
    canvass::mount();
}
