fn main() {
    println!("cargotiny {}", 6 * 7);
}
