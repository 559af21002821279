//! Text in general, before it is a speech: how its bytes are read.

pub mod decode;
