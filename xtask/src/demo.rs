pub fn serve() -> crate::run::Result { Ok(()) }
