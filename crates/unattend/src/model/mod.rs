pub struct Unattend;
