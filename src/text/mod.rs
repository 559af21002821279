//! Text in general, before it is a speech: how its bytes are read ([`decode`]) and how wide it
//! stands ([`width`]).

pub mod decode;
mod width;

pub use width::width;
